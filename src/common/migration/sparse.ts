// Bytes sent without their all-zero chunks: v86's state without memory is ~2.2 MB, almost all
// of it zero-filled buffers (the 9p reply buffer, VGA planes, sound and disk buffers), and
// carrying 2.2 MB between tabs costs ~20 ms of the downtime; its non-zero chunks are ~50 KB.
// Pure.
import { PAGE_SIZE, writePages } from './pages';

/** `length` bytes, of which only `chunks` (4 KB each, in order) are not all zero. */
export interface SparseBytes {
  length: number;
  chunks: Uint32Array<ArrayBuffer>;
  data: Uint8Array<ArrayBuffer>;
}

/** The largest state a migration accepts (a screen guest's is ~10 MB with its VGA memory). */
export const MAX_SPARSE_BYTES = 64 * 1024 * 1024;

const chunksFor = (length: number) => Math.ceil(length / PAGE_SIZE);

export function elideZeroChunks(bytes: Uint8Array): SparseBytes {
  // Read in place, a word at a time (no copy of the whole: this runs while the guest is stopped).
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const length = aligned.byteLength;
  const words = new Uint32Array(aligned.buffer, aligned.byteOffset, Math.floor(length / 4));
  const per = PAGE_SIZE / 4;
  const chunks: number[] = [];
  for (let c = 0, n = chunksFor(length); c < n; c++) {
    let i = c * per;
    const end = Math.min(i + per, words.length);
    while (i < end && words[i] === 0) i++;
    if (i < end || tailHolds(aligned, c, words.length * 4)) chunks.push(c);
  }
  const data = new Uint8Array(chunks.length * PAGE_SIZE);
  chunks.forEach((c, i) => {
    data.set(aligned.subarray(c * PAGE_SIZE, Math.min((c + 1) * PAGE_SIZE, length)), i * PAGE_SIZE);
  });
  return { length, chunks: new Uint32Array(chunks), data };
}

/** The bytes past the last whole word, when they fall in chunk `c`, hold something. */
function tailHolds(bytes: Uint8Array, c: number, from: number): boolean {
  for (
    let i = Math.max(from, c * PAGE_SIZE);
    i < Math.min(bytes.byteLength, (c + 1) * PAGE_SIZE);
    i++
  )
    if (bytes[i] !== 0) return true;
  return false;
}

/** The bytes again; a length past the bound, or a chunk past the length, is refused. */
export function restoreZeroChunks(sparse: SparseBytes): ArrayBuffer {
  const { length } = sparse;
  if (!Number.isInteger(length) || length < 0 || length > MAX_SPARSE_BYTES)
    throw new RangeError(`a state of ${length} bytes is past the ${MAX_SPARSE_BYTES} accepted`);
  const out = new Uint8Array(chunksFor(length) * PAGE_SIZE);
  writePages(out, sparse.chunks, sparse.data);
  return out.buffer.slice(0, length);
}
