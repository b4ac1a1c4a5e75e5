// The guest's memory as pages that a live migration sends: which pages changed since the last
// look (found by content, as v86 keeps no dirty log), and their bytes copied out and written in.
// Pure functions over a Uint8Array view of the guest's RAM.

/** v86's page size, and the unit a migration sends. */
export const PAGE_SIZE = 4096;
const WORDS = PAGE_SIZE / 4;

/**
 * Two 32-bit hashes of one page. Each step of either lane is a bijection of the lane for a fixed
 * word and of the word for a fixed lane, so a page differing in any single word always changes
 * both; two independent lanes leave about one chance in 2^64 that other changes go unseen.
 */
function hashPage(words: Uint32Array, first: number, out: Uint32Array, at: number): void {
  let a = 0x811c9dc5;
  let b = 0x27d4eb2f;
  for (let i = first, end = first + WORDS; i < end; i++) {
    const w = words[i]!;
    a = Math.imul(a ^ w, 0x9e3779b1);
    a = (a << 13) | (a >>> 19);
    b = Math.imul(b + w, 0x85ebca77) | 0;
    b ^= b >>> 15;
  }
  out[at] = a;
  out[at + 1] = b;
}

/**
 * What each page held at the last scan. It starts as if the memory were all zero (a target's RAM
 * is zeroed before the first round), so the first scan names only the pages that hold something.
 */
export class PageHashes {
  readonly pages: number;
  private readonly hashes: Uint32Array;

  constructor(memoryBytes: number) {
    if (!Number.isInteger(memoryBytes) || memoryBytes <= 0 || memoryBytes % PAGE_SIZE !== 0)
      throw new RangeError(`a memory of ${memoryBytes} bytes is not a whole number of pages`);
    this.pages = memoryBytes / PAGE_SIZE;
    this.hashes = new Uint32Array(this.pages * 2);
    const zero = new Uint32Array(2);
    hashPage(new Uint32Array(WORDS), 0, zero, 0);
    for (let p = 0; p < this.pages; p++) this.hashes.set(zero, p * 2);
  }

  /**
   * The pages in [from, to) whose content differs from the last scan, in order; their new
   * content becomes what the next scan compares with. Copy them out in the same task, before
   * the guest runs again, or a write in between is lost.
   */
  scan(memory: Uint8Array, from = 0, to = this.pages): Uint32Array<ArrayBuffer> {
    if (memory.byteLength < this.pages * PAGE_SIZE)
      throw new RangeError('the memory is smaller than the pages tracked');
    if (memory.byteOffset % 4 !== 0) throw new RangeError('the memory view is not 4-byte aligned');
    const words = new Uint32Array(memory.buffer, memory.byteOffset, this.pages * WORDS);
    const now = new Uint32Array(2);
    const dirty: number[] = [];
    for (let p = Math.max(0, from), end = Math.min(to, this.pages); p < end; p++) {
      hashPage(words, p * WORDS, now, 0);
      const at = p * 2;
      if (now[0] !== this.hashes[at] || now[1] !== this.hashes[at + 1]) {
        this.hashes[at] = now[0]!;
        this.hashes[at + 1] = now[1]!;
        dirty.push(p);
      }
    }
    return new Uint32Array(dirty);
  }
}

/** The bytes of `pages`, one after the other. */
export function copyPages(memory: Uint8Array, pages: Uint32Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(pages.length * PAGE_SIZE);
  pages.forEach((page, i) => {
    const start = page * PAGE_SIZE;
    out.set(memory.subarray(start, start + PAGE_SIZE), i * PAGE_SIZE);
  });
  return out;
}

/**
 * Writes pages received (`data` as copyPages made it) into `memory`. Every index and length is
 * checked against the memory first: a page that does not fit is refused before anything is
 * written.
 */
export function writePages(memory: Uint8Array, pages: Uint32Array, data: Uint8Array): void {
  if (data.byteLength !== pages.length * PAGE_SIZE)
    throw new RangeError(
      `${pages.length} pages need ${pages.length * PAGE_SIZE} bytes, not ${data.byteLength}`,
    );
  const count = Math.floor(memory.byteLength / PAGE_SIZE);
  for (const page of pages)
    if (page >= count) throw new RangeError(`page ${page} is past the memory's ${count} pages`);
  pages.forEach((page, i) => {
    memory.set(data.subarray(i * PAGE_SIZE, (i + 1) * PAGE_SIZE), page * PAGE_SIZE);
  });
}
