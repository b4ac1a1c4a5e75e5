#!/usr/bin/env bash
# Builds images/bench/aula-bench.c twice, from the pinned Debian compilers:
#   $BUILD_DIR/aula-bench          static i386 Linux binary, no libc (goes into the initramfs)
#   public/images/aula-bench.wasm  wasm32 module for the host, run in a Worker by the lab
source "$(dirname "$0")/lib.sh"
require_deb "$GCC_PKG" "$GCC_VERSION"
require_deb "$GCC_MULTILIB_PKG" "$GCC_VERSION"
require_deb "$CLANG_PKG" "$CLANG_VERSION"
require_deb "$LLD_PKG" "$CLANG_VERSION"

SRC="$IMAGES_DIR/bench/aula-bench.c"
# Relative source path and no build id: the same bytes from any checkout folder.
cd "$IMAGES_DIR/bench"
COMMON=(-O2 -ffreestanding -nostdlib -ffp-contract=off -Wall -Wextra -Werror)

gcc-12 "${COMMON[@]}" -m32 -march=i686 -static -fno-pie -no-pie -fno-stack-protector \
  -fno-asynchronous-unwind-tables -Wl,--build-id=none -s -o "$BUILD_DIR/aula-bench" aula-bench.c

clang-14 "${COMMON[@]}" --target=wasm32 -mbulk-memory -fuse-ld=lld \
  -Wl,--no-entry -Wl,--strip-all -o "$OUT_DIR/aula-bench.wasm" aula-bench.c

# The two builds must compute the same thing: compare checksums here, where both can run.
guest="$(run_i386 "$BUILD_DIR/aula-bench" all | sed 's/ ns=.*//')"
host="$(node "$IMAGES_DIR/bench/run-wasm.mjs" "$OUT_DIR/aula-bench.wasm" | sed 's/ ns=.*//')"
[ "$guest" = "$host" ] || die "i386 and wasm checksums differ:
$guest
---
$host"
# The bench runs the guest's very binary natively (the bottom of the cost ladder); the guest's
# copy is inside the kernel now, so the bench keeps its own (bench/native/).
install -D -m 0755 "$BUILD_DIR/aula-bench" "$ROOT_DIR/bench/native/aula-bench"
log "aula-bench: i386 $(stat -c %s "$BUILD_DIR/aula-bench") bytes, wasm $(stat -c %s "$OUT_DIR/aula-bench.wasm") bytes, checksums agree ($SRC)"
