import { describe, expect, it } from 'vitest';
import { OverlayDisk, SECTOR } from './OverlayDisk';

const original = () => new Uint8Array(4 * SECTOR).map((_, i) => i & 0xff);
const diskOf = (bytes: Uint8Array, onWrite?: (n: number) => void) =>
  new OverlayDisk(new Blob([new Uint8Array(bytes)]), onWrite);

describe('a disk image with a write overlay', () => {
  it('reads the file as it is until the guest writes', async () => {
    const disk = diskOf(original());
    expect(disk.byteLength).toBe(4 * SECTOR);
    expect(await disk.read(SECTOR, SECTOR)).toEqual(original().subarray(SECTOR, 2 * SECTOR));
  });

  it('keeps writes in the overlay: they read back, the file is unchanged', async () => {
    const file = original();
    const blob = new Blob([file]);
    const disk = new OverlayDisk(blob);
    await disk.write(SECTOR, new Uint8Array(SECTOR).fill(0xee));
    expect(await disk.read(SECTOR, SECTOR)).toEqual(new Uint8Array(SECTOR).fill(0xee));
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(original());
    expect(disk.writtenBytes).toBe(SECTOR);
  });

  it('completes a partly written sector from the file', async () => {
    const disk = diskOf(original());
    await disk.write(SECTOR + 10, new Uint8Array([1, 2, 3]));
    const sector = await disk.read(SECTOR, SECTOR);
    // The file's bytes at SECTOR + i are i & 0xff (SECTOR is a multiple of 256).
    expect([...sector.subarray(8, 15)]).toEqual([8, 9, 1, 2, 3, 13, 14]);
    expect(disk.writtenBytes).toBe(SECTOR);
  });

  it('reads across written and unwritten sectors', async () => {
    const disk = diskOf(original());
    await disk.write(2 * SECTOR, new Uint8Array(SECTOR).fill(7));
    const span = await disk.read(SECTOR + SECTOR / 2, SECTOR);
    expect(span.subarray(0, SECTOR / 2)).toEqual(
      original().subarray(SECTOR + SECTOR / 2, 2 * SECTOR),
    );
    expect(span.subarray(SECTOR / 2)).toEqual(new Uint8Array(SECTOR / 2).fill(7));
  });

  it('ignores writes past the end and reads zeros there', async () => {
    const disk = diskOf(original());
    await disk.write(4 * SECTOR, new Uint8Array(SECTOR).fill(1));
    expect(disk.writtenBytes).toBe(0);
    expect(await disk.read(3 * SECTOR, 2 * SECTOR)).toEqual(
      new Uint8Array([...original().subarray(3 * SECTOR), ...new Uint8Array(SECTOR)]),
    );
  });

  it('saves the overlay with the machine and brings it back; a fresh disk has none', async () => {
    const seen: number[] = [];
    const disk = diskOf(original(), (n) => seen.push(n));
    await disk.write(0, new Uint8Array(SECTOR).fill(9));
    const state = disk.get_state();
    const restored = diskOf(original());
    restored.set_state(state);
    expect(await restored.read(0, 4)).toEqual(new Uint8Array([9, 9, 9, 9]));
    expect(await diskOf(original()).read(0, 4)).toEqual(new Uint8Array([0, 1, 2, 3]));
    expect(seen).toEqual([SECTOR]);
  });

  it('refuses overlay entries that are not whole sectors at sane places', () => {
    const disk = diskOf(original());
    disk.set_state([
      [
        [-1, new Uint8Array(SECTOR)],
        [1.5, new Uint8Array(SECTOR)],
        [2, new Uint8Array(10)],
        [3, new Uint8Array(SECTOR)],
      ],
    ]);
    expect(disk.writtenBytes).toBe(SECTOR);
  });

  it('keeps the first sector read before the boot, until it is written', async () => {
    const disk = diskOf(original());
    expect(disk.get_from_cache(0, SECTOR)).toBeUndefined();
    await new Promise((resolve) => disk.get_and_cache(0, SECTOR, resolve));
    expect(disk.get_from_cache(0, SECTOR)?.[5]).toBe(5);
    await disk.write(0, new Uint8Array(SECTOR));
    expect(disk.get_from_cache(0, SECTOR)).toBeUndefined();
  });

  it('answers through callbacks, as v86 asks', async () => {
    const disk = diskOf(original());
    const loaded = new Promise((resolve) => (disk.onload = resolve));
    disk.load();
    await loaded;
    await new Promise<void>((resolve) => disk.set(0, new Uint8Array(SECTOR).fill(3), resolve));
    const bytes = await new Promise<Uint8Array>((resolve) => disk.get(0, SECTOR, resolve));
    expect(bytes[0]).toBe(3);
  });
});
