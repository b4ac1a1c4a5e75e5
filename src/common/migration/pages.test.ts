import { describe, expect, it } from 'vitest';
import { copyPages, PAGE_SIZE, PageHashes, writePages } from './pages';

const memory = (pages: number) => new Uint8Array(pages * PAGE_SIZE);

describe('PageHashes', () => {
  it('first names only the pages that hold something (a zeroed target needs no others)', () => {
    const ram = memory(16);
    ram[3 * PAGE_SIZE + 100] = 1;
    ram[9 * PAGE_SIZE] = 0xff;
    expect([...new PageHashes(ram.byteLength).scan(ram)]).toEqual([3, 9]);
  });

  it('then names the pages written since, and nothing when nothing changed', () => {
    const ram = memory(16);
    const hashes = new PageHashes(ram.byteLength);
    hashes.scan(ram);
    expect([...hashes.scan(ram)]).toEqual([]);
    ram[5 * PAGE_SIZE + 4095] = 7;
    ram[15 * PAGE_SIZE] = 1;
    expect([...hashes.scan(ram)]).toEqual([5, 15]);
    expect([...hashes.scan(ram)]).toEqual([]);
    ram[5 * PAGE_SIZE + 4095] = 0; // back to zero is a change too
    expect([...hashes.scan(ram)]).toEqual([5]);
  });

  it('sees every single-bit flip, anywhere in a page', () => {
    const ram = memory(4);
    for (let i = 0; i < ram.length; i++) ram[i] = (i * 2654435761) >>> 24;
    const hashes = new PageHashes(ram.byteLength);
    hashes.scan(ram);
    let seen = 0;
    for (let trial = 0; trial < 2000; trial++) {
      const byte = (trial * 7919) % ram.length;
      const bit = 1 << (trial % 8);
      ram[byte] = ram[byte]! ^ bit;
      const dirty = hashes.scan(ram);
      if (dirty.length === 1 && dirty[0] === Math.floor(byte / PAGE_SIZE)) seen++;
    }
    expect(seen).toBe(2000);
  });

  it('sees two words swapped, which a plain sum would not', () => {
    const ram = memory(1);
    const words = new Uint32Array(ram.buffer);
    words[0] = 1;
    words[1] = 2;
    const hashes = new PageHashes(ram.byteLength);
    hashes.scan(ram);
    words[0] = 2;
    words[1] = 1;
    expect([...hashes.scan(ram)]).toEqual([0]);
  });

  it('scans a range, so a round can be cut into slices between the guest’s own', () => {
    const ram = memory(8);
    ram.fill(1);
    const hashes = new PageHashes(ram.byteLength);
    expect([...hashes.scan(ram, 0, 3)]).toEqual([0, 1, 2]);
    expect([...hashes.scan(ram, 3, 100)]).toEqual([3, 4, 5, 6, 7]);
    expect([...hashes.scan(ram)]).toEqual([]);
  });

  it('refuses a memory that is not whole pages, or smaller than it tracks', () => {
    expect(() => new PageHashes(PAGE_SIZE + 1)).toThrow(RangeError);
    expect(() => new PageHashes(0)).toThrow(RangeError);
    expect(() => new PageHashes(2 * PAGE_SIZE).scan(memory(1))).toThrow(RangeError);
  });
});

describe('copyPages and writePages', () => {
  it('carry the named pages from one memory into another', () => {
    const source = memory(8);
    for (let i = 0; i < source.length; i++) source[i] = i % 251;
    const pages = Uint32Array.of(1, 6);
    const target = memory(8);
    writePages(target, pages, copyPages(source, pages));
    expect(target.subarray(PAGE_SIZE, 2 * PAGE_SIZE)).toEqual(
      source.subarray(PAGE_SIZE, 2 * PAGE_SIZE),
    );
    expect(target.subarray(6 * PAGE_SIZE, 7 * PAGE_SIZE)).toEqual(
      source.subarray(6 * PAGE_SIZE, 7 * PAGE_SIZE),
    );
    expect(target.subarray(0, PAGE_SIZE).every((b) => b === 0)).toBe(true);
  });

  it('refuse a page past the memory, or data of the wrong length, before writing anything', () => {
    const target = memory(4);
    expect(() =>
      writePages(target, Uint32Array.of(0, 4), new Uint8Array(2 * PAGE_SIZE).fill(1)),
    ).toThrow(/past the memory/);
    expect(target.every((b) => b === 0)).toBe(true);
    expect(() => writePages(target, Uint32Array.of(0), new Uint8Array(10))).toThrow(RangeError);
  });
});
