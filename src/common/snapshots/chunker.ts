// Content-defined chunking (a gear rolling hash, as in FastCDC): cut points depend on the bytes
// around them, not on offsets, so memory that did not change between two snapshots yields the
// same chunks even when pages were added or removed before it.

export interface ChunkOptions {
  minSize: number;
  /** Average size; a power of two. */
  averageSize: number;
  maxSize: number;
}

export const DEFAULT_CHUNKING: ChunkOptions = {
  minSize: 16 * 1024,
  averageSize: 64 * 1024,
  maxSize: 256 * 1024,
};

/** 256 fixed pseudo-random words (xorshift32 from a fixed seed): part of the on-disk format. */
const GEAR = (() => {
  const table = new Uint32Array(256);
  let x = 0x2545f491;
  for (let i = 0; i < 256; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    table[i] = x >>> 0;
  }
  return table;
})();

/** End offsets of the chunks of `data`; the last one is data.length. */
export function chunkBoundaries(
  data: Uint8Array,
  options: ChunkOptions = DEFAULT_CHUNKING,
): number[] {
  const { minSize, averageSize, maxSize } = options;
  if (averageSize & (averageSize - 1)) throw new Error('averageSize must be a power of two');
  // The mask's bits sit high in the word, where the gear hash mixes the last 32 bytes.
  const bits = Math.log2(averageSize);
  const mask = ((2 ** bits - 1) << (32 - bits)) >>> 0;
  const ends: number[] = [];
  let start = 0;
  while (start < data.length) {
    const limit = Math.min(data.length, start + maxSize);
    let end = limit;
    let hash = 0;
    for (let i = Math.min(start + minSize, limit); i < limit; i++) {
      hash = ((hash << 1) + GEAR[data[i]!]!) >>> 0;
      if ((hash & mask) === 0) {
        end = i + 1;
        break;
      }
    }
    ends.push(end);
    start = end;
  }
  return ends;
}

/** The chunks themselves, as views into `data` (no copies). */
export function splitIntoChunks<T extends ArrayBufferLike>(
  data: Uint8Array<T>,
  options?: ChunkOptions,
): Array<Uint8Array<T>> {
  const chunks: Array<Uint8Array<T>> = [];
  let start = 0;
  for (const end of chunkBoundaries(data, options)) {
    chunks.push(data.subarray(start, end));
    start = end;
  }
  return chunks;
}
