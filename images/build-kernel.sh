#!/usr/bin/env bash
# Builds the guest kernel (public/images/bzImage) from Debian's linux-source-6.1.
source "$(dirname "$0")/lib.sh"

require_deb "$LINUX_SOURCE_PKG" "$LINUX_SOURCE_VERSION"
for tool in bc bison flex make gcc; do command -v "$tool" >/dev/null || apt-get install -y -q "$tool" >/dev/null; done
dpkg -s libelf-dev libssl-dev >/dev/null 2>&1 || apt-get install -y -q libelf-dev libssl-dev >/dev/null

SRC="$BUILD_DIR/linux-$LINUX_SOURCE_VERSION"
if [ ! -f "$SRC/Makefile" ]; then
  log "unpacking /usr/src/linux-source-6.1.tar.xz"
  rm -rf "$SRC.tmp" && mkdir -p "$SRC.tmp"
  tar -xJf /usr/src/linux-source-6.1.tar.xz -C "$SRC.tmp" --strip-components=1
  mv "$SRC.tmp" "$SRC"
fi

# Our patches (images/kernel/patches/, in order), each applied once: a tree already patched by an
# earlier build is left as it is.
for patch in "$IMAGES_DIR"/kernel/patches/*.patch; do
  [ -e "$patch" ] || continue
  if (cd "$SRC" && patch -p1 -R --dry-run -s -f < "$patch" >/dev/null 2>&1); then continue; fi
  log "patching: $(basename "$patch")"
  (cd "$SRC" && patch -p1 -s -f < "$patch") || die "$(basename "$patch") does not apply to linux $LINUX_SOURCE_VERSION"
done

# Reproducible: no host name, user, date or build count in the kernel.
export KBUILD_BUILD_TIMESTAMP="$(LC_ALL=C date -u -d "@$SOURCE_DATE_EPOCH")" KBUILD_BUILD_USER=aula86 KBUILD_BUILD_HOST=aula86 KBUILD_BUILD_VERSION=1
MAKE=(make -C "$SRC" ARCH=i386 -j"$(nproc)")

# The guest's root file system goes inside the kernel (build-initramfs.sh makes it first).
CPIO="$BUILD_DIR/initramfs.cpio"
[ -f "$CPIO" ] || die "no $CPIO: run images/build-initramfs.sh first"
# Copied into the tree and named relative to it: the config records no path of this machine.
cp "$CPIO" "$SRC/usr/aula86-initramfs.cpio"
printf 'CONFIG_INITRAMFS_SOURCE="usr/aula86-initramfs.cpio"\nCONFIG_INITRAMFS_COMPRESSION_NONE=y\n' > "$BUILD_DIR/initramfs.config"

log "configuring: tinyconfig + images/kernel/aula86.config + the initramfs"
"${MAKE[@]}" -s tinyconfig
(cd "$SRC" && ARCH=i386 scripts/kconfig/merge_config.sh -m .config "$IMAGES_DIR/kernel/aula86.config" "$BUILD_DIR/initramfs.config" >/dev/null)
"${MAKE[@]}" -s olddefconfig

# Every option the fragment asks for must have survived Kconfig's dependency resolution.
missing=0
while IFS= read -r line; do
  case "$line" in
    CONFIG_*=*) grep -qx "$line" "$SRC/.config" || { log "not applied: $line"; missing=1; } ;;
    "# CONFIG_"*" is not set") grep -q "^${line#\# }" "$SRC/.config" || ! grep -q "^${line:2:-11}=" "$SRC/.config" || { log "not applied: $line"; missing=1; } ;;
  esac
done < "$IMAGES_DIR/kernel/aula86.config"
[ "$missing" = 0 ] || die "the kernel config fragment did not apply cleanly"

log "building bzImage (a few minutes on 2 cores)"
"${MAKE[@]}" -s bzImage
cp "$SRC/.config" "$IMAGES_DIR/kernel/config"
cp "$SRC/arch/x86/boot/bzImage" "$OUT_DIR/bzImage"
log "bzImage: $(stat -c %s "$OUT_DIR/bzImage") bytes"
