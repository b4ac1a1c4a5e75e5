#!/usr/bin/env bash
# Builds images/popek/aula-popek.c (Popek and Goldberg's test, for the lesson of that name) into
# $BUILD_DIR/aula-popek: a static i386 Linux binary with no libc, put in the guest's initramfs.
source "$(dirname "$0")/lib.sh"
require_deb "$GCC_PKG" "$GCC_VERSION"
require_deb "$GCC_MULTILIB_PKG" "$GCC_VERSION"

# Relative source path and no build id: the same bytes from any checkout folder.
cd "$IMAGES_DIR/popek"
gcc-12 -O2 -ffreestanding -nostdlib -Wall -Wextra -Werror -m32 -march=i686 -static -fno-pie \
  -no-pie -fno-stack-protector -fno-asynchronous-unwind-tables -Wl,--build-id=none -s \
  -o "$BUILD_DIR/aula-popek" aula-popek.c

# It must run and report every instruction; what each does depends on the CPU it runs on
# (under qemu-user, HLT and CLI trap as in the guest).
report="$(cd "$BUILD_DIR" && run_i386 ./aula-popek 2>/dev/null || true)"
rm -f /run/aula-popek # its record for the lessons, written where it ran
for name in HLT CLI SGDT SIDT SMSW POPF; do
  grep -q "^  $name" <<<"$report" || die "aula-popek did not report $name:
$report"
done
log "aula-popek: $(stat -c %s "$BUILD_DIR/aula-popek") bytes"
