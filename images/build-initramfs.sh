#!/usr/bin/env bash
# Builds the guest's root file system (public/images/initramfs.cpio) from busybox-static:i386.
# The archive is uncompressed: v86 loads it as a file, and the guest then skips ~2.5 s of gunzip.
source "$(dirname "$0")/lib.sh"
command -v cpio >/dev/null || apt-get install -y -q cpio >/dev/null

DEB="$BUILD_DIR/busybox-deb"
rm -rf "$DEB" && unpack_deb "$BUSYBOX_PKG" "$BUSYBOX_VERSION" "$DEB"
BUSYBOX="$DEB/bin/busybox"
[ -x "$BUSYBOX" ] || die "busybox binary missing from $BUSYBOX_PKG"

ROOT="$BUILD_DIR/rootfs"
rm -rf "$ROOT"
mkdir -p "$ROOT"/{bin,sbin,usr/bin,usr/sbin,etc,proc,sys,dev,tmp,run,root,mnt,var/log}
install -m 0755 "$BUSYBOX" "$ROOT/bin/busybox"

# Applet links are made here, not at boot, so the guest starts no busybox --install.
# The applet list comes from the binary itself (see run_i386).
run_i386 "$BUSYBOX" --list-full | LC_ALL=C sort | while read -r applet; do
  [ "$applet" = bin/busybox ] && continue
  rel="$(printf '%s' "$applet" | sed 's|[^/]*/|../|g; s|[^/]*$||')"
  ln -sf "${rel}bin/busybox" "$ROOT/$applet"
done

install -m 0755 "$IMAGES_DIR/initramfs/init" "$ROOT/init"
install -m 0644 "$IMAGES_DIR/initramfs/profile" "$ROOT/etc/profile"
install -m 0644 "$IMAGES_DIR/initramfs/hostname" "$ROOT/etc/hostname"
install -m 0644 "$IMAGES_DIR/initramfs/fstab" "$ROOT/etc/fstab"
install -m 0644 "$IMAGES_DIR/initramfs/fstab.dev" "$ROOT/etc/fstab.dev"
install -m 0755 "$IMAGES_DIR/initramfs/aula" "$ROOT/bin/aula"
install -m 0755 "$IMAGES_DIR/initramfs/udhcpc.script" "$ROOT/etc/udhcpc.script"
install -m 0755 "$IMAGES_DIR/initramfs/aula-agent" "$ROOT/sbin/aula-agent"
[ -x "$BUILD_DIR/aula-bench" ] || bash "$IMAGES_DIR/build-bench.sh"
install -m 0755 "$BUILD_DIR/aula-bench" "$ROOT/bin/aula-bench"
[ -x "$BUILD_DIR/aula-popek" ] || bash "$IMAGES_DIR/build-popek.sh"
install -m 0755 "$BUILD_DIR/aula-popek" "$ROOT/bin/aula-popek"
printf 'root:x:0:0:root:/root:/bin/sh\n' > "$ROOT/etc/passwd"
printf 'root:x:0:\ntty:x:5:\n' > "$ROOT/etc/group"
printf '127.0.0.1 localhost\n' > "$ROOT/etc/hosts"
chmod 0700 "$ROOT/root"
chmod 1777 "$ROOT/tmp"

# Reproducible archive: fixed mtimes, sorted names, root owner, fixed inode numbers.
find "$ROOT" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
(cd "$ROOT" && find . -mindepth 1 | LC_ALL=C sort | cpio --quiet -o -H newc -R 0:0 --reproducible) > "$BUILD_DIR/initramfs.cpio"
# gzip on the wire, gunzipped by the page (fast, native) so the guest gets a plain cpio to map.
# -n keeps the name and time out of the header.
gzip -9 -n -c "$BUILD_DIR/initramfs.cpio" > "$OUT_DIR/initramfs.cpio.gz"
rm -f "$OUT_DIR/initramfs.cpio"
log "initramfs.cpio: $(stat -c %s "$BUILD_DIR/initramfs.cpio") bytes, $(stat -c %s "$OUT_DIR/initramfs.cpio.gz") gzipped"
