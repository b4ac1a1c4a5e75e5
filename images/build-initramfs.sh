#!/usr/bin/env bash
# Builds the guest's root file system (images/.build/initramfs.cpio) from busybox-static:i386.
# build-kernel.sh builds it into the kernel, uncompressed: the guest skips ~2.5 s of gunzip, and
# needs no initrd loaded by v86 (which puts one at 64 MiB, more RAM than the guest needs).
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
# The kernel opens /dev/console for init before anything is mounted; an initrd used to land on
# the kernel's own little archive, which has it, but built in, ours is the only one.
mknod -m 0600 "$ROOT/dev/console" c 5 1
chmod 0700 "$ROOT/root"
chmod 1777 "$ROOT/tmp"

# Reproducible archive: fixed mtimes, sorted names, root owner, fixed inode numbers.
find "$ROOT" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
(cd "$ROOT" && find . -mindepth 1 | LC_ALL=C sort | cpio --quiet -o -H newc -R 0:0 --reproducible) > "$BUILD_DIR/initramfs.cpio"
rm -f "$OUT_DIR/initramfs.cpio" "$OUT_DIR/initramfs.cpio.gz" # served separately before
log "initramfs.cpio: $(stat -c %s "$BUILD_DIR/initramfs.cpio") bytes"
