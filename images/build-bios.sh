#!/usr/bin/env bash
# Copies SeaBIOS from Debian's seabios package (public/images/seabios.bin, vgabios.bin).
# The 128 KiB bios.bin is enough for v86; a serial-only guest needs no VGA BIOS, a screen guest
# gets vgabios-stdvga.bin.
source "$(dirname "$0")/lib.sh"
require_deb "$SEABIOS_PKG" "$SEABIOS_VERSION"
install -m 0644 /usr/share/seabios/bios.bin "$OUT_DIR/seabios.bin"
log "seabios.bin: $(stat -c %s "$OUT_DIR/seabios.bin") bytes"
# The screen profile's VGA BIOS (Bochs/QEMU standard VGA, which v86 emulates).
install -m 0644 /usr/share/seabios/vgabios-stdvga.bin "$OUT_DIR/vgabios.bin"
log "vgabios.bin: $(stat -c %s "$OUT_DIR/vgabios.bin") bytes"
