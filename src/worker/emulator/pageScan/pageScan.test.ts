// The WebAssembly SIMD page scan against the JavaScript one, on a real v86 machine's memory:
// the same pages named at every step, any single bit flipped anywhere seen, its room given back.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { V86 } from 'v86';
import { v86Devices } from '../../../common/devices.mjs';
import { guestRam } from '../v86Internals';
import { jsScan, wasmScan } from './pageScan';

const root = new URL('../../../../', import.meta.url);
let machine: V86 | null = null;

afterAll(async () => {
  await machine?.destroy();
});

/** The default guest's pre-booted state in a stopped machine. */
async function stoppedGuest(): Promise<V86> {
  const e = new V86({
    wasm_path: new URL('node_modules/v86/build/v86.wasm', root).pathname,
    memory_size: 32 * 1024 * 1024,
    ...v86Devices({ nic: 'virtio', screen: false }),
    autostart: false,
  });
  machine = e;
  await new Promise<void>((resolve) => e.add_listener('emulator-loaded', () => resolve()));
  const state = gunzipSync(readFileSync(new URL('public/images/boot-state.bin.gz', root)));
  await e.restore_state(state.buffer.slice(state.byteOffset, state.byteOffset + state.byteLength));
  return e;
}

describe('the page scan in WebAssembly', () => {
  it('names the same pages as the JavaScript scan, and sees every single-bit flip', async () => {
    const e = await stoppedGuest();
    const fast = wasmScan(e);
    expect(fast).not.toBeNull();
    const slow = jsScan(e);
    const first = fast!.scan();
    expect([...first]).toEqual([...slow.scan()]);
    expect(first.length).toBeGreaterThan(300); // the pages that hold something
    expect(first.length).toBeLessThan(fast!.pages);
    expect(fast!.scan().length).toBe(0); // nothing changed since

    const ram = guestRam(e);
    const flips = [0, 4095, 4096 * 7 + 1234, ram.length - 1, 4096 * 5000 + 17];
    for (const at of flips) ram[at] = ram[at]! ^ (1 << (at % 8));
    const pages = [...new Set(flips.map((at) => Math.floor(at / 4096)))].sort((a, b) => a - b);
    expect([...fast!.scan()]).toEqual(pages);
    expect([...slow.scan()]).toEqual(pages);
    // A page written back to all zero is seen too (the target must be told).
    ram.fill(0, 4096 * 7, 4096 * 8);
    expect([...fast!.scan()]).toEqual([7]);
    fast!.dispose();
  }, 30_000);
});

describe('pageScan.wasm.ts', () => {
  it('is built from pageScan.wat as it is now (node scripts/build-page-scan.mjs)', async () => {
    const { default: initWabt } = await import('wabt');
    const wabt = await initWabt();
    const wat = readFileSync(new URL('pageScan.wat', import.meta.url), 'utf8');
    const built = wabt.parseWat('pageScan.wat', wat, { simd: true }).toBinary({}).buffer;
    const { PAGE_SCAN_WASM } = await import('./pageScan.wasm');
    expect(Buffer.from(built).toString('base64')).toBe(PAGE_SCAN_WASM);
  });
});
