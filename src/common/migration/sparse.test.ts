import { describe, expect, it } from 'vitest';
import { elideZeroChunks, MAX_SPARSE_BYTES, restoreZeroChunks } from './sparse';

describe('elideZeroChunks and restoreZeroChunks', () => {
  it('send only the chunks that hold something, and give back the same bytes', () => {
    const bytes = new Uint8Array(3 * 4096 + 100);
    bytes[5000] = 7; // chunk 1
    bytes[3 * 4096 + 99] = 9; // the last, partial chunk
    const sparse = elideZeroChunks(bytes);
    expect([...sparse.chunks]).toEqual([1, 3]);
    expect(sparse.data.byteLength).toBe(2 * 4096);
    const back = new Uint8Array(restoreZeroChunks(sparse));
    expect(back.byteLength).toBe(bytes.byteLength);
    let differing = 0;
    for (let i = 0; i < bytes.length; i++) if (back[i] !== bytes[i]) differing++;
    expect(differing).toBe(0);
  });

  it('reads bytes at any offset, and a tail shorter than a word', () => {
    const backing = new Uint8Array(4096 * 2 + 3);
    backing[4096 * 2 + 2] = 5; // in the tail, past the last whole word
    const bytes = backing.subarray(1);
    const sparse = elideZeroChunks(bytes);
    expect([...sparse.chunks]).toEqual([2]);
    const back = new Uint8Array(restoreZeroChunks(sparse));
    expect(back.byteLength).toBe(4096 * 2 + 2);
    expect(back[4096 * 2 + 1]).toBe(5);
  });

  it('refuses a length past the bound, and a chunk past the length', () => {
    const sparse = elideZeroChunks(new Uint8Array(4096).fill(1));
    expect(() => restoreZeroChunks({ ...sparse, length: MAX_SPARSE_BYTES + 1 })).toThrow(
      RangeError,
    );
    expect(() => restoreZeroChunks({ ...sparse, chunks: new Uint32Array([5]) })).toThrow(
      RangeError,
    );
    expect(() => restoreZeroChunks({ ...sparse, length: -1 })).toThrow(RangeError);
  });
});
