import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { UserError } from '../notices/notice';
import { MemoryImageStorage } from '../../common/images/ImageStore';
import { importImage, minimumMemoryMb, sha256OfBlob, type ImportOptions } from './importImage';

const iso = readFileSync(new URL('../../../e2e/fixtures/aula86-live.iso', import.meta.url));
const isoFile = () => new File([new Uint8Array(iso)], 'aula86-live.iso');
const options = (over: Partial<ImportOptions> = {}): ImportOptions => ({
  maxMemoryMb: 512,
  estimate: () => Promise.resolve(null),
  now: () => 1000,
  ...over,
});
const cdrom = { device: 'cdrom' as const, memoryMb: 128, cmdline: '', initrd: null };

async function refusal(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('adding a boot image', () => {
  it('hashes a file as a stream, the same as a hash of the whole', async () => {
    const seen: number[] = [];
    const hash = await sha256OfBlob(new Blob([new Uint8Array(iso)]), (n) => seen.push(n));
    expect(hash).toBe(createHash('sha256').update(iso).digest('hex'));
    expect(seen.at(-1)).toBe(iso.length);
  });

  it('stores a bootable ISO once under its SHA-256, with what was chosen', async () => {
    const storage = new MemoryImageStorage();
    const progress = vi.fn();
    const image = await importImage(storage, isoFile(), cdrom, progress, options());
    expect(image).toMatchObject({
      format: 1,
      sha256: createHash('sha256').update(iso).digest('hex'),
      name: 'aula86-live.iso',
      size: iso.length,
      device: 'cdrom',
      memoryMb: 128,
      addedAt: 1000,
    });
    // Written in parts of 4 MiB as it streamed by; read back whole, byte for byte.
    const stored = await storage.blob(image.sha256);
    const back = Buffer.from(await stored!.arrayBuffer());
    expect(createHash('sha256').update(back).digest('hex')).toBe(image.sha256);
    expect(storage.partCount).toBe(Math.ceil(iso.length / (4 * 1024 * 1024)));
    expect(progress).toHaveBeenLastCalledWith({
      phase: 'storing',
      loaded: iso.length,
      total: iso.length,
    });
    // The same bytes again, under another name, are refused, naming the guest they are: they
    // used to replace that guest's entry without a word. Nothing more is kept.
    const parts = storage.partCount;
    const again = new File([new Uint8Array(iso)], 'otro-nombre.iso');
    const twin = await refusal(importImage(storage, again, cdrom, vi.fn(), options()));
    expect(twin).toMatchObject({
      key: 'media.error.duplicate',
      params: { name: 'aula86-live.iso' },
    });
    expect(storage.partCount).toBe(parts);
    expect((await storage.list()).images.map((i) => i.name)).toEqual(['aula86-live.iso']);
  });

  it('says why the browser refused a write, with the figures, and keeps nothing of it', async () => {
    const storage = new MemoryImageStorage();
    const putPart = storage.putPart.bind(storage);
    // The first part goes in, the second finds the quota full (the browser's error has no text).
    vi.spyOn(storage, 'putPart').mockImplementation((upload, index, bytes) =>
      index === 0
        ? putPart(upload, index, bytes)
        : Promise.reject(new DOMException('', 'QuotaExceededError')),
    );
    const big = new File([new Uint8Array(iso), new Uint8Array(6 * 1024 * 1024)], 'big.iso');
    const estimate = { usage: 0, quota: 10 * 2 ** 30, free: 10 * 2 ** 30 };
    const error = await refusal(
      importImage(
        storage,
        big,
        cdrom,
        vi.fn(),
        options({ estimate: () => Promise.resolve(estimate) }),
      ),
    );
    expect(error.key).toBe('media.error.quotaHit');
    expect(error.params).toEqual({
      written: 4,
      size: Math.round((big.size / 2 ** 20) * 10) / 10,
      free: 10240,
    });
    expect(storage.partCount).toBe(0);
    expect((await storage.list()).images).toEqual([]);
  });

  it('names another refusal of the browser by its name', async () => {
    const storage = new MemoryImageStorage();
    vi.spyOn(storage, 'putPart').mockRejectedValue(
      new DOMException('Internal error.', 'UnknownError'),
    );
    const error = await refusal(importImage(storage, isoFile(), cdrom, vi.fn(), options()));
    expect(error).toMatchObject({
      key: 'media.error.refused',
      params: { name: 'UnknownError', written: 0 },
    });
  });

  it('keeps no reading-order tricks or control characters in an image name', async () => {
    const storage = new MemoryImageStorage();
    const named = new File([new Uint8Array(iso)], 'clase\u202Eosi.exe\u0007');
    const image = await importImage(storage, named, cdrom, vi.fn(), options());
    expect(image.name).toBe('claseosi.exe');
  });

  it('refuses an image larger than the space left, before writing anything', async () => {
    const storage = new MemoryImageStorage();
    const put = vi.spyOn(storage, 'putPart');
    const error = await refusal(
      importImage(
        storage,
        isoFile(),
        cdrom,
        vi.fn(),
        options({ estimate: () => Promise.resolve({ usage: 0, quota: 80e6, free: 70_000_000 }) }),
      ),
    );
    expect(error.key).toBe('media.error.quota');
    // The estimate says 70 MB are free, but browsers refuse before that: 64 MiB are kept back,
    // and the 2.8 MB left are no room for 4 MB.
    expect(error.params).toEqual({ size: 4, available: 2.8 });
    expect(put).not.toHaveBeenCalled();
  });

  it('refuses more memory than a machine may have, and less than the guest needs', async () => {
    const storage = new MemoryImageStorage();
    const tooMuch = await refusal(
      importImage(storage, isoFile(), { ...cdrom, memoryMb: 1024 }, vi.fn(), options()),
    );
    expect(tooMuch).toMatchObject({ key: 'media.error.memory', params: { least: 16, most: 512 } });
    const tooLittle = await refusal(
      importImage(storage, isoFile(), { ...cdrom, memoryMb: 8 }, vi.fn(), options()),
    );
    expect(tooLittle.key).toBe('media.error.memory');
    expect((await storage.list()).images).toEqual([]);
  });

  it('refuses junk and a device the file cannot boot as', async () => {
    const storage = new MemoryImageStorage();
    const junk = new File(['not a disk'], 'notas.txt');
    expect((await refusal(importImage(storage, junk, cdrom, vi.fn(), options()))).key).toBe(
      'media.error.notBootable',
    );
    const asFloppy = { ...cdrom, device: 'fda' as const };
    expect((await refusal(importImage(storage, isoFile(), asFloppy, vi.fn(), options()))).key).toBe(
      'media.error.wrongDevice',
    );
  });

  it('drops the parts it wrote when reading the file fails half way', async () => {
    const storage = new MemoryImageStorage();
    const broken = new File([new Uint8Array(iso)], 'rota.iso');
    let reads = 0;
    vi.spyOn(broken, 'stream').mockImplementation(
      () =>
        new ReadableStream({
          pull(controller) {
            if (reads++ < 3) controller.enqueue(new Uint8Array(2 * 1024 * 1024));
            else controller.error(new Error('disk gone'));
          },
        }),
    );
    await expect(importImage(storage, broken, cdrom, vi.fn(), options())).rejects.toThrow(
      'disk gone',
    );
    expect(storage.partCount).toBe(0);
    expect((await storage.list()).images).toEqual([]);
  });

  it('asks for room above 64 MiB for a kernel with an initrd (v86 puts it there)', () => {
    expect(minimumMemoryMb('kernel', 2 * 1024 * 1024)).toBe(64 + 2 + 16);
    expect(minimumMemoryMb('cdrom', 0)).toBe(16);
  });
});
