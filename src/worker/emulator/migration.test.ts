// A live migration between two real v86 machines in one process: the pre-booted guest, its
// shell answering, memory equal at the stop, and the shell answering on the target.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { V86 } from 'v86';
import { v86Devices } from '../../common/devices.mjs';
import { nextStep, type Round } from '../../common/migration/rounds';
import { MigrationSource, MigrationTarget } from './migration';
import { cpuOf, guestRam } from './v86Internals';

const root = new URL('../../../', import.meta.url);
const MEMORY = 32 * 1024 * 1024;
const HARDWARE = { nic: 'virtio', screen: false } as const;
const made: V86[] = [];

/** A machine with the default profile's devices, stopped, with `state` restored. */
async function machine(state: ArrayBuffer): Promise<V86> {
  const e = new V86({
    wasm_path: new URL('node_modules/v86/build/v86.wasm', root).pathname,
    memory_size: MEMORY,
    ...v86Devices(HARDWARE),
    autostart: false,
  });
  made.push(e);
  await new Promise<void>((resolve) => e.add_listener('emulator-loaded', () => resolve()));
  await e.restore_state(state);
  return e;
}

/** Types `command` and resolves with what the console printed until `answer` showed. */
function ask(e: V86, command: string, answer: RegExp): Promise<string> {
  let seen = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no ${answer} in ${JSON.stringify(seen)}`)),
      20_000,
    );
    const listen = (byte: number) => {
      seen += String.fromCharCode(byte);
      if (answer.test(seen)) {
        clearTimeout(timer);
        e.remove_listener('serial0-output-byte', listen);
        resolve(seen);
      }
    };
    e.add_listener('serial0-output-byte', listen);
    e.serial0_send(command + '\n');
  });
}

afterAll(async () => {
  for (const e of made) await e.destroy();
});

describe('a live migration between two v86 machines', () => {
  // The target holds the same guest's pre-booted state: with the page hashes it tells the
  // source, most pages need not travel; without them (no WebAssembly SIMD) its RAM is zeroed.
  it.each([
    ['told the pages the target holds', true],
    ['to a zeroed target', false],
  ])(
    'moves a running guest, %s: its files, its memory and its shell',
    async (_, told) => {
      const booted = gunzipSync(readFileSync(new URL('public/images/boot-state.bin.gz', root)));
      const state = () =>
        booted.buffer.slice(booted.byteOffset, booted.byteOffset + booted.byteLength);
      const source = await machine(state());
      await source.run();
      await ask(source, 'echo moved > /tmp/marker; echo $((6*7))', /^42\r?$/m);

      // The target: a machine of the same guest (the same devices and memory), running, then
      // stopped for the migration.
      const target = await machine(state());
      await target.run();
      const to = new MigrationTarget(target);
      await to.prepare();
      expect(target.is_running()).toBe(false);
      if (!told) {
        to.hashes = null;
        cpuOf(target).zero_memory(0, MEMORY);
      }

      const from = new MigrationSource(source);
      from.start(to.hashes);
      const rounds: Round[] = [];
      while (!nextStep(rounds).stop) {
        const batch = from.round();
        to.write(batch);
        rounds.push({ pages: batch.pages.length, bytes: batch.data.byteLength, ms: 0 });
        await new Promise((resolve) => setTimeout(resolve, 20)); // the guest runs between rounds
      }
      // To a zeroed target the first round sends what the guest holds, a fraction of its 8,192
      // pages; to one told what it holds, only what differs from it.
      if (told) expect(rounds[0]!.pages).toBeLessThan(300);
      else expect(rounds[0]!.pages).toBeGreaterThan(500);
      expect(rounds[0]!.pages).toBeLessThan(8192);

      const final = await from.final();
      from.dispose();
      // The CPU and devices without memory: ~2.2 MB, of which only the non-zero chunks are sent.
      expect(final.state.length).toBeLessThan(3 * 1024 * 1024);
      expect(final.state.data.byteLength).toBeLessThan(256 * 1024);
      to.apply(final);
      expect(source.is_running()).toBe(false);
      // The target's memory is the source's as it stopped, byte for byte.
      const there = guestRam(target);
      const here = guestRam(source);
      let differing = 0;
      for (let i = 0; i < MEMORY; i++) if (there[i] !== here[i]) differing++;
      expect(differing).toBe(0);
      await target.run();

      await ask(target, 'cat /tmp/marker; echo $((6*7))', /moved\r?\n(.*\n)*42\r?$/m);
    },
    60_000,
  );
});
