import { describe, expect, it } from 'vitest';
import { chunkBoundaries, splitIntoChunks, type ChunkOptions } from './chunker';

const small: ChunkOptions = { minSize: 64, averageSize: 256, maxSize: 1024 };

function random(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const join = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const key = (c: Uint8Array) => Array.from(c.subarray(0, 16)).join(',') + ':' + c.length;

describe('chunkBoundaries', () => {
  it('covers the data exactly, with chunks between min and max size', () => {
    const data = random(50_000, 1);
    const ends = chunkBoundaries(data, small);
    expect(ends.at(-1)).toBe(data.length);
    let start = 0;
    for (const [i, end] of ends.entries()) {
      const size = end - start;
      expect(size).toBeLessThanOrEqual(small.maxSize);
      if (i < ends.length - 1) expect(size).toBeGreaterThanOrEqual(small.minSize);
      start = end;
    }
  });

  it('is deterministic', () => {
    const data = random(20_000, 7);
    expect(chunkBoundaries(data, small)).toEqual(chunkBoundaries(data, small));
  });

  it('averages near the requested size on random data', () => {
    const data = random(400_000, 3);
    const mean = data.length / chunkBoundaries(data, small).length;
    expect(mean).toBeGreaterThan(small.averageSize * 0.8);
    expect(mean).toBeLessThan(small.averageSize * 2.5);
  });

  it('cuts a constant run at the maximum size', () => {
    expect(chunkBoundaries(new Uint8Array(5000), small)).toEqual([1024, 2048, 3072, 4096, 5000]);
  });

  it('handles empty input', () => {
    expect(chunkBoundaries(new Uint8Array(0), small)).toEqual([]);
  });

  it('re-finds the same chunks after bytes are inserted earlier in the data', () => {
    const tail = random(40_000, 11);
    const before = splitIntoChunks(join([random(3000, 5), tail]), small).map(key);
    const after = splitIntoChunks(join([random(3000, 5), random(777, 9), tail]), small).map(key);
    const shared = after.filter((k) => before.includes(k)).length;
    expect(shared / before.length).toBeGreaterThan(0.8);
  });
});
