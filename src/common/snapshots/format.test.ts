import { describe, expect, it } from 'vitest';
import {
  decodeExport,
  encodeExport,
  EXPORT_MAGIC,
  MAX_HEADER,
  SNAPSHOT_LIMITS,
  incompatibilities,
  SnapshotError,
  validateMeta,
  type SnapshotMeta,
  type SnapshotProblem,
} from './format';

const HASH = 'a'.repeat(64);
const meta: SnapshotMeta = {
  format: 1,
  id: 'snap-1',
  name: 'Before rm -rf',
  createdAt: 1_795_000_000_000,
  v86Version: '0.5.462+g5f9a90f',
  profileId: 'tiny',
  imageSha256: { bios: HASH, kernel: HASH, initrd: HASH },
  memoryBytes: 128 * 1024 * 1024,
  stateSize: 1000,
  stateSha256: HASH,
  chunks: [HASH, 'b'.repeat(64)],
  chunkSizes: [300, 100],
  storedSize: 400,
  screen: 'root@aula86:~# ',
};
const payload = new Uint8Array([1, 2, 3, 4, 5]);

function problemOf(f: () => unknown): SnapshotProblem | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof SnapshotError) return e.problem;
    throw e;
  }
  return undefined;
}

describe('export file', () => {
  it('round-trips the metadata and the payload', () => {
    const { header, payload: out } = decodeExport(encodeExport(meta, payload));
    expect(header.meta).toEqual(meta);
    expect(Array.from(out)).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses a file that is not a snapshot', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    expect(problemOf(() => decodeExport(png))).toEqual({ code: 'notSnapshot' });
    expect(problemOf(() => decodeExport(new Uint8Array()))).toEqual({ code: 'notSnapshot' });
  });

  it('refuses a truncated file, wherever it was cut', () => {
    const file = encodeExport(meta, payload);
    for (const length of [EXPORT_MAGIC.length + 2, 40, file.byteLength - 1]) {
      expect(problemOf(() => decodeExport(file.subarray(0, length)))).toEqual({
        code: 'truncated',
      });
    }
  });

  it('refuses a file from a newer format version', () => {
    const file = encodeExport(meta, payload);
    new DataView(file.buffer).setUint32(EXPORT_MAGIC.length, 2, true);
    expect(problemOf(() => decodeExport(file))).toEqual({ code: 'unsupportedFormat', version: 2 });
  });

  it('says a header declaring more than a snapshot can have is too large, not "not a snapshot"', () => {
    const file = encodeExport(meta, payload);
    new DataView(file.buffer).setUint32(EXPORT_MAGIC.length + 4, 0xffffffff, true);
    expect(problemOf(() => decodeExport(file))).toEqual({
      code: 'headerTooLarge',
      size: 0xffffffff,
      max: MAX_HEADER,
    });
  });

  it('takes the header of a snapshot with the most chunks there can be', () => {
    const chunks = Array.from({ length: SNAPSHOT_LIMITS.chunks }, (_, i) =>
      i.toString(16).padStart(64, '0'),
    );
    const big = { ...meta, chunks, chunkSizes: chunks.map(() => 16_000) };
    const { header } = decodeExport(encodeExport(big, payload));
    expect(header.meta.chunks).toHaveLength(SNAPSHOT_LIMITS.chunks);
  });

  it('refuses a damaged header', () => {
    const file = encodeExport(meta, payload);
    file[EXPORT_MAGIC.length + 8] = 0xff; // breaks the JSON's first byte
    expect(problemOf(() => decodeExport(file))).toEqual({ code: 'notSnapshot' });
  });

  it('says how many bytes follow a complete file', () => {
    const file = encodeExport(meta, payload);
    const longer = new Uint8Array(file.byteLength + 2);
    longer.set(file);
    expect(problemOf(() => decodeExport(longer))).toEqual({ code: 'trailingData', extra: 2 });
  });

  it('refuses a file that declares a 4 GB state before reading any of it', () => {
    const huge = { ...meta, stateSize: 4 * 1024 ** 3, memoryBytes: 4 * 1024 ** 3 };
    const problem = problemOf(() => decodeExport(encodeExport(huge, payload)));
    expect(problem).toMatchObject({ code: 'notSnapshot', detail: /^memoryBytes: must be at most/ });
    const big = { ...meta, stateSize: 1024 ** 3 };
    expect(problemOf(() => decodeExport(encodeExport(big, payload)))).toMatchObject({
      code: 'notSnapshot',
      detail: /stateSize is larger than the guest memory/,
    });
  });
});

describe('validateMeta', () => {
  it('accepts a well-formed record', () => {
    expect(validateMeta(structuredClone(meta))).toEqual(meta);
  });
  it("accepts a guest of the user's without an initrd, and no other empty hash", () => {
    const user = { ...meta, imageSha256: { bios: HASH, kernel: HASH, initrd: '' } };
    expect(validateMeta(structuredClone(user))).toEqual(user);
    const noKernel = { ...meta, imageSha256: { bios: HASH, kernel: '', initrd: '' } };
    expect(problemOf(() => validateMeta(noKernel))).toMatchObject({ code: 'notSnapshot' });
  });
  it.each([
    [{ chunks: ['xyz'], chunkSizes: [1] }, /^chunks\[0\]: must be a SHA-256/],
    [{ name: undefined }, /^name: must be a string/],
    [{ createdAt: 2 ** 53 - 1 }, /^createdAt: must be at most 8640000000000000/],
    [{ createdAt: -1 }, /^createdAt: must not be negative/],
    [{ createdAt: 1.5 }, /^createdAt: must be a whole number/],
    [{ stateSize: 0 }, /^stateSize: must be above 0/],
    [{ chunkSizes: [1] }, /chunkSizes must match chunks/],
    [{ chunkSizes: [1, -4] }, /^chunkSizes\[1\]: must not be negative/],
    [{ screen: 'x'.repeat(1024 * 1024 + 1) }, /^screen: must be at most/],
    [{ name: 'n'.repeat(1001) }, /^name: must be at most 1000/],
    [{ extra: true }, /^extra: is not a field of a snapshot/],
    [{ imageSha256: { bios: HASH, kernel: HASH } }, /^imageSha256.initrd/],
  ])('refuses %j, naming the field', (change, detail) => {
    expect(problemOf(() => validateMeta({ ...meta, ...change }))).toMatchObject({
      code: 'notSnapshot',
      detail,
    });
  });
  it('knows the chunk base record, and no other kind', () => {
    expect(validateMeta({ ...meta, kind: 'base' }).kind).toBe('base');
    expect(problemOf(() => validateMeta({ ...meta, kind: 'cache' }))).toMatchObject({
      code: 'notSnapshot',
      detail: /^kind/,
    });
  });
  it('tells another version of the format apart from garbage', () => {
    expect(problemOf(() => validateMeta({ ...meta, format: 2 }))).toEqual({
      code: 'unsupportedFormat',
      version: 2,
    });
    expect(problemOf(() => validateMeta('meta'))).toMatchObject({ code: 'notSnapshot' });
  });
});

describe('incompatibilities', () => {
  it('is empty for the same machine', () => {
    expect(incompatibilities(meta, meta)).toEqual([]);
  });
  it('names each difference: v86 version, guest, memory, images', () => {
    const other = {
      ...meta,
      v86Version: '0.5.500',
      profileId: 'debian',
      memoryBytes: 256 * 1024 * 1024,
      imageSha256: { ...meta.imageSha256, kernel: 'c'.repeat(64) },
    };
    expect(incompatibilities(meta, other).map((r) => r.kind)).toEqual([
      'v86Version',
      'profile',
      'memory',
      'images',
    ]);
  });
});
