# Shared helpers for the image build scripts (sourced, not run).
set -euo pipefail
IMAGES_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$IMAGES_DIR/.." && pwd)"
BUILD_DIR="${AULA86_BUILD_DIR:-$IMAGES_DIR/.build}"
OUT_DIR="$ROOT_DIR/public/images"
# shellcheck source=versions.env
source "$IMAGES_DIR/versions.env"
export SOURCE_DATE_EPOCH
mkdir -p "$BUILD_DIR" "$OUT_DIR"

log() { printf '\033[1m[images]\033[0m %s\n' "$*" >&2; }
die() { printf '[images] error: %s\n' "$*" >&2; exit 1; }

# Installs a Debian package at exactly the pinned version, or fails saying so.
require_deb() {
  local pkg="$1" version="$2" have
  have="$(dpkg-query -W -f='${Version}' "$pkg" 2>/dev/null || true)"
  if [ "$have" != "$version" ]; then
    log "installing $pkg=$version"
    case "$pkg" in *:i386) dpkg --print-foreign-architectures | grep -qx i386 || dpkg --add-architecture i386 ;; esac
    apt-get update -q >/dev/null || true
    apt-get install -y -q "$pkg=$version" >/dev/null \
      || die "$pkg $version is not available from apt; update images/versions.env deliberately"
  fi
}

# Fetches a .deb at the pinned version and unpacks it into a folder (no install needed).
unpack_deb() {
  local pkg="$1" version="$2" dest="$3" dir
  dir="$BUILD_DIR/debs"
  mkdir -p "$dir" "$dest"
  ( cd "$dir" && { ls ./*.deb >/dev/null 2>&1 && ls | grep -q "^${pkg%%:*}_" || apt-get download -q "$pkg=$version"; } ) \
    || die "cannot download $pkg=$version"
  dpkg-deb -x "$(ls "$dir"/"${pkg%%:*}"_*.deb | head -n1)" "$dest"
}

# Runs an i386 static program: directly where the kernel runs 32-bit programs, else through
# qemu-user (installed on first use).
run_i386() {
  if "$1" --help >/dev/null 2>&1 || [ $? -ne 126 ]; then "$@"; return; fi
  command -v qemu-i386 >/dev/null || apt-get install -y -q qemu-user >/dev/null
  qemu-i386 "$@"
}
