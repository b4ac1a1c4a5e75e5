#!/usr/bin/env bash
# Builds e2e/fixtures/aula86-live.iso: a bootable "live CD" the teacher's-own-image lessons add
# by drag and drop. isolinux (El Torito, and an isohybrid MBR so the same file boots as a hard
# disk) starts the guest's own kernel and initramfs with a screen and a serial console.
# Small (~4 MB) and committed, so the tests need no xorriso; rebuilt by `npm run images`.
source "$(dirname "$0")/lib.sh"
require_deb "$XORRISO_PKG" "$XORRISO_VERSION"
require_deb "$ISOLINUX_PKG" "$ISOLINUX_VERSION"
require_deb "$SYSLINUX_COMMON_PKG" "$SYSLINUX_COMMON_VERSION"

TREE="$BUILD_DIR/live-iso"
OUT="$ROOT_DIR/e2e/fixtures/aula86-live.iso"
rm -rf "$TREE" && mkdir -p "$TREE/isolinux" "$TREE/boot" "$(dirname "$OUT")"
install -m 0644 /usr/lib/ISOLINUX/isolinux.bin "$TREE/isolinux/"
install -m 0644 /usr/lib/syslinux/modules/bios/ldlinux.c32 "$TREE/isolinux/"
install -m 0644 "$OUT_DIR/bzImage" "$TREE/boot/bzImage"
cat > "$TREE/isolinux/isolinux.cfg" <<'CFG'
SERIAL 0 115200
DEFAULT live
PROMPT 0
TIMEOUT 1
LABEL live
  KERNEL /boot/bzImage
  APPEND console=ttyS0 console=tty0 quiet lpj=400000 tsc=reliable
CFG
find "$TREE" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
xorriso -as mkisofs -quiet -o "$OUT" -V AULA86LIVE \
  -b isolinux/isolinux.bin -c isolinux/boot.cat -no-emul-boot -boot-load-size 4 -boot-info-table \
  -isohybrid-mbr /usr/lib/ISOLINUX/isohdpfx.bin "$TREE"
log "aula86-live.iso: $(stat -c %s "$OUT") bytes, sha256 $(sha256sum "$OUT" | cut -d' ' -f1)"
