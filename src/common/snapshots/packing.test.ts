import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { packState, unpackState } from './packing';
import { SnapshotError } from './format';

function fakeState(size: number, seed: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = i % 7 === 0 ? 0 : x >>> 24; // compressible, like memory
  }
  return out;
}

const store = (
  packed: Awaited<ReturnType<typeof packState>>,
  into = new Map<string, Uint8Array<ArrayBuffer>>(),
) => {
  for (const c of packed.fresh) into.set(c.hash, c.data);
  return into;
};

describe('packState / unpackState', () => {
  it('round-trips a state through compressed chunks', async () => {
    const state = fakeState(600_000, 1);
    const packed = await packState(state, new Set());
    const chunks = store(packed);
    const out = await unpackState(chunks, packed.chunks, packed.stateSize);
    expect(new Uint8Array(out)).toEqual(state);
    expect(packed.stateSha256).toBe(createHash('sha256').update(state).digest('hex'));
    const storedBytes = [...chunks.values()].reduce((n, c) => n + c.byteLength, 0);
    expect(storedBytes).toBeLessThan(state.byteLength);
  });

  it('stores only what changed when the second state differs in one place', async () => {
    const first = fakeState(600_000, 1);
    const second = first.slice();
    second.fill(9, 300_000, 300_100);
    const packedFirst = await packState(first, new Set());
    const packedSecond = await packState(second, new Set(packedFirst.chunks));
    expect(packedSecond.fresh.length).toBeGreaterThan(0);
    expect(packedSecond.fresh.length).toBeLessThanOrEqual(2);
    expect(packedSecond.chunks.length).toBeGreaterThan(4);
  });

  it('refuses a damaged chunk', async () => {
    const state = fakeState(200_000, 2);
    const packed = await packState(state, new Set());
    const chunks = store(packed);
    const first = chunks.get(packed.chunks[0]!)!.slice();
    const middle = first.length >> 1;
    first[middle] = (first[middle] ?? 0) ^ 0x55;
    chunks.set(packed.chunks[0]!, first);
    await expect(unpackState(chunks, packed.chunks, packed.stateSize)).rejects.toBeInstanceOf(
      SnapshotError,
    );
  });

  it('stores a chunk that repeats once, and lays it out wherever it stands', async () => {
    // Free guest memory is zeros: long runs cut into the same chunk again and again.
    const state = new Uint8Array(3_000_000);
    state.set(fakeState(100_000, 5), 1_000_000);
    const packed = await packState(state, new Set());
    expect(new Set(packed.chunks).size).toBeLessThan(packed.chunks.length);
    expect(packed.fresh.length).toBe(new Set(packed.chunks).size);
    const out = await unpackState(store(packed), packed.chunks, packed.stateSize);
    expect(Buffer.compare(Buffer.from(out), Buffer.from(state.buffer))).toBe(0);
  });

  it('refuses chunks that do not add up to the recorded size', async () => {
    const packed = await packState(fakeState(200_000, 4), new Set());
    const chunks = store(packed);
    await expect(unpackState(chunks, packed.chunks, packed.stateSize + 1)).rejects.toMatchObject({
      problem: { code: 'hashMismatch' },
    });
  });

  it('refuses a missing chunk', async () => {
    const packed = await packState(fakeState(200_000, 3), new Set());
    await expect(unpackState(new Map(), packed.chunks, packed.stateSize)).rejects.toMatchObject({
      problem: { code: 'hashMismatch' },
    });
  });
});
