#!/usr/bin/env bash
# Copies SeaBIOS from Debian's seabios package (public/images/seabios.bin).
# The 128 KiB bios.bin is enough for v86; a serial-only guest needs no VGA BIOS.
source "$(dirname "$0")/lib.sh"
require_deb "$SEABIOS_PKG" "$SEABIOS_VERSION"
install -m 0644 /usr/share/seabios/bios.bin "$OUT_DIR/seabios.bin"
log "seabios.bin: $(stat -c %s "$OUT_DIR/seabios.bin") bytes"
