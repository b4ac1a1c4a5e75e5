#!/usr/bin/env node
// Writes public/images/manifest.json: every served file with its size, SHA-256 and Debian
// source package, and the guest profiles (images/profiles.json) that use them.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kernelReleaseFromBzImage } from '../src/lib/media/bzimage.mjs';
import { readCpioFile } from './cpio.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'public', 'images');
const versions = Object.fromEntries(
  readFileSync(join(here, 'versions.env'), 'utf8')
    .split('\n')
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line) => line.split(/=(.*)/s).slice(0, 2)),
);
const sourceOf = {
  'seabios.bin': [versions.SEABIOS_PKG, versions.SEABIOS_VERSION],
  'vgabios.bin': [versions.SEABIOS_PKG, versions.SEABIOS_VERSION],
  bzImage: [versions.LINUX_SOURCE_PKG, versions.LINUX_SOURCE_VERSION],
  'aula-bench.wasm': [versions.CLANG_PKG, versions.CLANG_VERSION],
};

// The pre-booted states (build-boot-state.mjs), if built: served as files, each tied to its profile.
const bootStates = existsSync(join(here, 'boot-states.json'))
  ? JSON.parse(readFileSync(join(here, 'boot-states.json'), 'utf8'))
  : [];
for (const state of bootStates) sourceOf[state.file] = ['v86', state.v86_version];

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const files = {};
for (const [name, [pkg, version]] of Object.entries(sourceOf)) {
  const bytes = readFileSync(join(out, name));
  const decoded = name.endsWith('.gz') ? gunzipSync(bytes) : bytes;
  files[name] = {
    size: bytes.length,
    sha256: sha256(bytes),
    encoding: decoded === bytes ? null : 'gzip',
    decoded_size: decoded.length,
    decoded_sha256: sha256(decoded),
    package: pkg,
    version,
  };
}

const { default_profile, profiles } = JSON.parse(readFileSync(join(here, 'profiles.json'), 'utf8'));
const release = kernelReleaseFromBzImage(readFileSync(join(out, 'bzImage')));
// The guest's copy of the benchmark program, read back from the initramfs built into the kernel.
const guestBench = readCpioFile(
  readFileSync(join(here, '.build', 'initramfs.cpio')),
  'bin/aula-bench',
);
if (!guestBench) throw new Error('initramfs has no bin/aula-bench: run images/build-bench.sh');
const bench = {
  source: 'images/bench/aula-bench.c',
  workloads: ['int', 'mem', 'float', 'sys'],
  guest_command: '/bin/aula-bench',
  guest_binary: {
    size: guestBench.length,
    sha256: sha256(guestBench),
    package: versions.GCC_PKG,
    version: versions.GCC_VERSION,
  },
  host_wasm: 'aula-bench.wasm',
};

const manifest = {
  format: 1,
  default_profile,
  profiles: profiles.map(({ boot_state: _file, ...p }) => {
    const bootState = bootStates.find((state) => state.profile === p.id);
    return {
      ...p,
      kernel_release: release.split(' ')[0],
      arch: 'i686',
      ...(bootState
        ? {
            boot_state: {
              file: bootState.file,
              v86_version: bootState.v86_version,
              memory_mb: bootState.memory_mb,
              nic: bootState.nic,
              display: bootState.display,
              images: bootState.images,
              screen: bootState.screen,
            },
          }
        : {}),
    };
  }),
  files,
  bench,
  sources: {
    note: 'GPL sources: the Debian source packages named here, at these versions; kernel config in images/kernel/config.',
    kernel_source: `${versions.LINUX_SOURCE_PKG} ${versions.LINUX_SOURCE_VERSION} (source package linux)`,
    busybox: `${versions.BUSYBOX_PKG} ${versions.BUSYBOX_VERSION} (source package busybox)`,
    seabios: `${versions.SEABIOS_PKG} ${versions.SEABIOS_VERSION} (source package seabios)`,
    bench: `images/bench/aula-bench.c, built by ${versions.GCC_PKG} ${versions.GCC_VERSION} (i386) and ${versions.CLANG_PKG} ${versions.CLANG_VERSION} (wasm32)`,
    source_date_epoch: Number(versions.SOURCE_DATE_EPOCH),
  },
};
writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
console.error(`[images] manifest.json: ${Object.keys(files).length} files, kernel ${release}`);
