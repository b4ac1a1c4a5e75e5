import { describe, expect, it } from 'vitest';
import { memoryLibrary } from '../lab/testLab.testing';
import { SnapshotLibrary } from './library';
import { MemorySnapshotStorage } from './storage';
import { serveSnapshotCodec } from '../../worker/snapshots/codec';
import { SnapshotWorker } from './workerClient';
import { SnapshotError, type SnapshotOrigin } from '../../common/snapshots/format';

const HASH = 'a'.repeat(64);
const origin: SnapshotOrigin = {
  v86Version: '0.5.462',
  profileId: 'tiny',
  imageSha256: { bios: HASH, kernel: HASH, initrd: HASH },
  memoryBytes: 16 * 1024 * 1024,
};

const library = memoryLibrary;

/** A 1 MiB guest state: mostly zero pages, some text, like a real one. */
function guestState(marker: string): ArrayBuffer {
  const state = new Uint8Array(1024 * 1024);
  state.set(new TextEncoder().encode(marker), 4096);
  for (let i = 200_000; i < 260_000; i++) state[i] = (i * 7) & 0xff;
  return state.buffer;
}

/** Whether two states are the same bytes (toEqual on a megabyte is slow). */
const same = (a: ArrayBuffer, b: ArrayBuffer) => Buffer.from(a).equals(Buffer.from(b));

const capture = (marker: string, machine = 'pc1') => ({
  state: guestState(marker),
  screen: new TextEncoder().encode(`root@${machine}:~# `),
  origin,
  machine,
});

/** A library over `storage` with a codec of its own: another page, or the same after a reload. */
function libraryOver(storage: MemorySnapshotStorage): SnapshotLibrary {
  const channel = new MessageChannel();
  serveSnapshotCodec(channel.port2);
  return new SnapshotLibrary(storage, new SnapshotWorker(() => channel.port1));
}

describe('SnapshotLibrary', () => {
  it('writes a damaged stored chunk again rather than reuse it, so the new snapshot restores', async () => {
    const storage = new MemorySnapshotStorage();
    const first = libraryOver(storage);
    const a = await first.save(capture('one'), 'before');
    first.dispose();
    // A disk error (or a browser bug) damages the stored chunks between two visits.
    for (const data of await storage.getChunks(a.chunks)) data![0]! ^= 0xff;
    const second = libraryOver(storage);
    const b = await second.save(capture('two'), 'after');
    // The codec keeps the state it packed last: another save, so that b is read from storage.
    await second.save(capture('three'), 'later');
    second.dispose();
    expect(b.chunks.filter((h) => a.chunks.includes(h)).length).toBeGreaterThan(0);
    // Read back by a page that has nothing of it in memory: every chunk checked.
    const third = libraryOver(storage);
    expect(same(await third.load(b), guestState('two'))).toBe(true);
    third.dispose();
  });

  it('checks the stored base once, so a save after a reload need not read it again', async () => {
    const storage = new MemorySnapshotStorage();
    const first = libraryOver(storage);
    const gz = new Uint8Array(
      await new Response(
        new Blob([guestState('base')]).stream().pipeThrough(new CompressionStream('gzip')),
      ).arrayBuffer(),
    );
    expect(await first.seedBase({ data: gz.slice().buffer, gzipped: true }, origin, 'base-1')).toBe(
      true,
    );
    first.dispose();
    const second = libraryOver(storage);
    expect(
      await second.seedBase({ data: gz.slice().buffer, gzipped: true }, origin, 'base-1'),
    ).toBe(false);
    let reads = 0;
    const getChunks = storage.getChunks.bind(storage);
    storage.getChunks = (hashes) => (reads++, getChunks(hashes));
    await second.save(capture('base'), 'like the base');
    expect(reads).toBe(0);
    second.dispose();
  });

  it('saves a state and loads the same bytes back, listing it with its machine', async () => {
    const lib = library();
    const meta = await lib.save(capture('first', 'pc2'), 'Lesson 1');
    expect(meta).toMatchObject({ name: 'Lesson 1', machine: 'pc2', stateSize: 1024 * 1024 });
    const { items } = await lib.list();
    expect(items.map((m) => m.name)).toEqual(['Lesson 1']);
    expect(same(await lib.load(meta), guestState('first'))).toBe(true);
    lib.dispose();
  });

  it('stores what two snapshots share once, and names a second "Lesson 1" apart', async () => {
    const lib = library();
    const a = await lib.save(capture('one'), 'Lesson 1', 1);
    const b = await lib.save(capture('two'), 'Lesson 1', 2);
    const { items, storedBytes } = await lib.list();
    expect(b.name).toBe('Lesson 1 (2)');
    expect(items.map((m) => m.name)).toEqual(['Lesson 1 (2)', 'Lesson 1']);
    // Only the chunk with the marker differs: every other chunk is stored once, for both.
    const shared = b.chunks.filter((hash) => a.chunks.includes(hash));
    expect(shared.length).toBeGreaterThanOrEqual(b.chunks.length - 1);
    expect(storedBytes).toBeLessThan(a.storedSize + b.storedSize);
    // Loading the older one (not in the codec's memory) inflates its chunks.
    expect(same(await lib.load(a), guestState('one'))).toBe(true);
    lib.dispose();
  });

  it('exports a file that imports again, and refuses it for another machine kind', async () => {
    const lib = library();
    const meta = await lib.save(capture('exported', 'pc3'), 'To share');
    const file = new Uint8Array(await (await lib.exportFile(meta)).arrayBuffer());

    const other = library();
    const imported = await other.importFile(file, origin);
    expect(imported).toMatchObject({ name: 'To share', machine: 'pc3' });
    expect(same(await other.load(imported), guestState('exported'))).toBe(true);
    const bigger = { ...origin, memoryBytes: 32 * 1024 * 1024 };
    const refused = await other.importFile(file, bigger).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SnapshotError);
    expect((refused as SnapshotError).problem.code).toBe('incompatible');
    lib.dispose();
    other.dispose();
  });

  it('renames, deletes, and says when a snapshot is gone', async () => {
    const lib = library();
    const meta = await lib.save(capture('x'), 'Old');
    expect(await lib.rename(meta, 'New')).toBe('New');
    await lib.remove(meta);
    expect((await lib.list()).items).toEqual([]);
    await expect(lib.rename(meta, 'Again')).rejects.toMatchObject({ problem: { code: 'gone' } });
    lib.dispose();
  });
});
