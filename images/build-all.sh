#!/usr/bin/env bash
# npm run images: rebuilds every guest artifact in public/images from pinned Debian packages,
# then the manifest. Needs root (apt-get) on Debian 12; ~6 minutes on 2 cores for a clean kernel.
set -euo pipefail
cd "$(dirname "$0")"
bash build-bios.sh
bash build-bench.sh
bash build-popek.sh
bash build-initramfs.sh
bash build-kernel.sh # the initramfs goes inside it
bash build-test-iso.sh
node build-boot-state.mjs
node write-manifest.mjs
echo "[images] done: $(cd ../public/images && sha256sum -- * | sed 's/^/  /')"
