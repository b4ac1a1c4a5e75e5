#!/usr/bin/env node
// Boots the default guest headless in Node with the pinned v86, waits for its shell prompt and
// saves the machine: public/images/boot-state.bin.gz, which the lab resumes on load instead of
// booting (the "instant start"). Writes images/boot-state.json with what the state is tied to
// (v86 version, the images' SHA-256s, memory) and the console output up to the prompt.
// The state is not byte-reproducible (the boot depends on timing); its ties are checked by
// images/manifest.test.ts.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { V86 } from 'v86';
import { V86_DEVICES } from '../src/lib/vm/devices.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const out = join(root, 'public', 'images');
const { default_profile, profiles } = JSON.parse(readFileSync(join(here, 'profiles.json'), 'utf8'));
const profile = profiles.find((p) => p.id === default_profile);
const v86Version = JSON.parse(
  readFileSync(join(root, 'node_modules', 'v86', 'package.json'), 'utf8'),
).version;

const decoded = (name) => {
  const bytes = readFileSync(join(out, name));
  return name.endsWith('.gz') ? gunzipSync(bytes) : bytes;
};
const buffer = (b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
const sha256 = (b) => createHash('sha256').update(b).digest('hex');
const bios = decoded(profile.files.bios);
const kernel = decoded(profile.files.kernel);
const initrd = decoded(profile.files.initrd);

// The same machine as the lab's emulator worker (src/lib/vm/emulator.worker.ts).
const emulator = new V86({
  wasm_path: join(root, 'node_modules', 'v86', 'build', 'v86.wasm'),
  bios: { buffer: buffer(bios) },
  bzimage: { buffer: buffer(kernel) },
  initrd: { buffer: buffer(initrd) },
  cmdline: profile.cmdline,
  memory_size: profile.memory_mb * 1024 * 1024,
  ...V86_DEVICES,
  autostart: true,
});

let screen = '';
emulator.add_listener('serial0-output-byte', (byte) => (screen += String.fromCharCode(byte)));
const started = Date.now();
await new Promise((resolve, reject) => {
  const timer = setInterval(() => {
    // The prompt, possibly followed by busybox's cursor-position query (ESC [ 6 n).
    const prompt = new RegExp(`# (${String.fromCharCode(27)}\\[6n)?$`);
    if (screen.includes(profile.ready_text) && prompt.test(screen)) {
      clearInterval(timer);
      resolve();
    } else if (Date.now() - started > 120_000) reject(new Error('the guest did not boot'));
  }, 20);
});
// Let the kernel finish what it does right after the prompt (it is idle then).
await new Promise((resolve) => setTimeout(resolve, 500));
const state = new Uint8Array(await emulator.save_state());
await emulator.destroy();

writeFileSync(join(out, 'boot-state.bin.gz'), gzipSync(state, { level: 9 }));
const tie = {
  file: 'boot-state.bin.gz',
  profile: profile.id,
  v86_version: v86Version,
  memory_mb: profile.memory_mb,
  images: { bios: sha256(bios), kernel: sha256(kernel), initrd: sha256(initrd) },
  state_size: state.length,
  state_sha256: sha256(state),
  screen: Buffer.from(screen, 'latin1').toString('utf8'),
};
writeFileSync(join(here, 'boot-state.json'), JSON.stringify(tie, null, 2) + '\n');
console.error(
  `[images] boot-state.bin.gz: ${state.length} bytes raw, booted in ${Date.now() - started} ms`,
);
process.exit(0); // v86 leaves timers behind in Node
