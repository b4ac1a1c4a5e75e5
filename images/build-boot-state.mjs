#!/usr/bin/env node
// Boots each guest profile that names a boot state headless in Node with the pinned v86, waits
// for its shell prompt and saves the machine (e.g. public/images/boot-state.bin.gz), which the lab
// resumes instead of booting (the "instant start"). The profiles differ in their network card
// and display, and a state restores only into the same devices, so each has its own. A screen
// profile is saved once its screen shows the prompt too. Writes
// images/boot-states.json with what each state is tied to (v86 version, the images' SHA-256s,
// memory, card) and the console output up to the prompt.
// The state is not byte-reproducible (the boot depends on timing); its ties are checked by
// images/manifest.test.ts.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { V86 } from 'v86';
import { v86Devices } from '../src/common/devices.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const out = join(root, 'public', 'images');
const { profiles } = JSON.parse(readFileSync(join(here, 'profiles.json'), 'utf8'));
const v86Version = JSON.parse(
  readFileSync(join(root, 'node_modules', 'v86', 'package.json'), 'utf8'),
).version;

const decoded = (name) => {
  const bytes = readFileSync(join(out, name));
  return name.endsWith('.gz') ? gunzipSync(bytes) : bytes;
};
const buffer = (b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
const sha256 = (b) => createHash('sha256').update(b).digest('hex');
const ties = [];
for (const profile of profiles.filter((p) => p.boot_state)) {
  const bios = decoded(profile.files.bios);
  const kernel = decoded(profile.files.kernel);
  // Ours is inside the kernel; a profile may still name one (v86 loads it at 64 MiB).
  const initrd = profile.files.initrd ? decoded(profile.files.initrd) : null;
  const vgaBios = profile.files.vga_bios ? decoded(profile.files.vga_bios) : null;
  const display = profile.display ?? 'serial';

  // The same machine as the lab's emulator worker (src/worker/emulator/emulator.worker.ts).
  const emulator = new V86({
    wasm_path: join(root, 'node_modules', 'v86', 'build', 'v86.wasm'),
    bios: { buffer: buffer(bios) },
    ...(vgaBios ? { vga_bios: { buffer: buffer(vgaBios) } } : {}),
    bzimage: { buffer: buffer(kernel) },
    ...(initrd ? { initrd: { buffer: buffer(initrd) } } : {}),
    cmdline: profile.cmdline,
    memory_size: profile.memory_mb * 1024 * 1024,
    ...v86Devices({ nic: profile.nic ?? null, screen: display === 'screen' }),
    autostart: true,
  });

  let screen = '';
  emulator.add_listener('serial0-output-byte', (byte) => (screen += String.fromCharCode(byte)));
  const started = Date.now();
  await new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      // The prompt, possibly followed by busybox's cursor-position query (ESC [ 6 n).
      const prompt = new RegExp(`# (${String.fromCharCode(27)}\\[6n)?$`);
      const onScreen =
        display !== 'screen' ||
        (emulator.screen_adapter?.get_text_screen().some((row) => /# *$/.test(row)) ?? false);
      if (screen.includes(profile.ready_text) && prompt.test(screen) && onScreen) {
        clearInterval(timer);
        resolve();
      } else if (Date.now() - started > 120_000)
        reject(new Error('the guest did not boot: ' + JSON.stringify(screen.slice(-600))));
    }, 20);
  });
  // Let the kernel finish what it does right after the prompt (it is idle then).
  await new Promise((resolve) => setTimeout(resolve, 500));
  const state = new Uint8Array(await emulator.save_state());
  await emulator.destroy();

  writeFileSync(join(out, profile.boot_state), gzipSync(state, { level: 9 }));
  const tie = {
    file: profile.boot_state,
    profile: profile.id,
    v86_version: v86Version,
    memory_mb: profile.memory_mb,
    nic: profile.nic,
    display,
    images: {
      bios: sha256(bios),
      kernel: sha256(kernel),
      ...(initrd ? { initrd: sha256(initrd) } : {}),
    },
    state_size: state.length,
    state_sha256: sha256(state),
    screen: Buffer.from(screen, 'latin1').toString('utf8'),
  };
  ties.push(tie);
  console.error(
    `[images] ${profile.boot_state}: ${state.length} bytes raw, booted in ${Date.now() - started} ms`,
  );
}
writeFileSync(join(here, 'boot-states.json'), JSON.stringify(ties, null, 2) + '\n');
process.exit(0); // v86 leaves timers behind in Node
