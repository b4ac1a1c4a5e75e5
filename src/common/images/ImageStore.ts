// Where the user's boot images live: IndexedDB, else memory for this page (private windows).
// A file is written as it streams by, in parts of a few MiB ("part:<upload>:<i>" -> Blob), so it
// is never whole in memory; once its SHA-256 is known, "file:<sha256>" -> { upload, parts }
// points at them (a file added twice is stored once), and "image:<sha256>" -> its description
// (versioned, checked on every read). Reading it back gives one Blob over the parts, on disk.
import { createStore, del, delMany, get, getMany, keys, set, type UseStore } from 'idb-keyval';
import * as v from 'valibot';
import { parseOrThrow } from '../schema/validate';
import { cleanName } from '../text/names';

const IMAGE = 'image:';
const FILE = 'file:';
const PART = 'part:';
/** Bytes per stored part. */
export const PART_BYTES = 4 * 1024 * 1024;
const partKey = (upload: string, index: number) => `${PART}${upload}:${index}`;
const partKeys = (upload: string, parts: number) =>
  Array.from({ length: parts }, (_, i) => partKey(upload, i));

const hash = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex'));
const size = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
// Cleaned on every read too: a record stored before names were cleaned shows no tricks either.
const name = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(255),
  v.transform((raw) => cleanName(raw, 255) ?? 'image'),
);

const StoredImageSchema = v.object({
  format: v.literal(1, 'is not format 1'),
  sha256: hash,
  name,
  size,
  device: v.picklist(['cdrom', 'hda', 'fda', 'kernel']),
  memoryMb: v.pipe(v.number(), v.safeInteger(), v.minValue(16), v.maxValue(2048)),
  cmdline: v.pipe(v.string(), v.maxLength(2048)),
  initrd: v.nullable(v.object({ sha256: hash, name, size })),
  /** What detection said (kept to show it again). */
  summary: v.pipe(v.string(), v.maxLength(1024)),
  addedAt: size,
});

/** A boot image of the user's, as stored (format 1). */
export type StoredImage = v.InferOutput<typeof StoredImageSchema>;

export class ImageStoreError extends Error {
  override name = 'ImageStoreError';
}

export function parseStoredImage(raw: unknown): StoredImage {
  return parseOrThrow(StoredImageSchema, raw, (d) => new ImageStoreError(d));
}

/** Where a file's parts are. */
export interface StoredFile {
  upload: string;
  parts: number;
}

export interface ImageStorage {
  /** False when images only last as long as this page. */
  readonly persistent: boolean;
  /** The stored images, newest first, and the keys of records that are not valid ones. */
  list(): Promise<{ images: StoredImage[]; damaged: string[] }>;
  has(sha256: string): Promise<boolean>;
  /** Writes one part of a file being added (its hash not known yet). */
  putPart(upload: string, index: number, bytes: Blob): Promise<void>;
  /** The file of an upload is `sha256`: kept (or dropped, when that file is stored already). */
  adopt(sha256: string, file: StoredFile): Promise<void>;
  /** Drops the parts of an upload that failed. */
  discard(file: StoredFile): Promise<void>;
  /** Stores an image's description (its files adopted already). */
  put(image: StoredImage): Promise<void>;
  /** A stored file, as one Blob over its parts. */
  blob(sha256: string): Promise<Blob | undefined>;
  /** Removes an image and the files no other image uses. */
  remove(sha256: string): Promise<void>;
}

const StoredFileSchema = v.object({
  upload: v.pipe(v.string(), v.regex(/^[0-9a-z-]{1,64}$/)),
  parts: v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(1_000_000)),
});

const filesOf = (image: StoredImage) => [
  image.sha256,
  ...(image.initrd ? [image.initrd.sha256] : []),
];

function sortImages(records: Array<[string, unknown]>) {
  const images: StoredImage[] = [];
  const damaged: string[] = [];
  for (const [key, raw] of records) {
    try {
      const image = parseStoredImage(raw);
      if (key !== image.sha256) throw new ImageStoreError('sha256: does not match its key');
      images.push(image);
    } catch {
      damaged.push(key);
    }
  }
  return { images: images.sort((a, b) => b.addedAt - a.addedAt), damaged };
}

export class IdbImageStorage implements ImageStorage {
  readonly persistent = true;
  constructor(
    private readonly store: UseStore,
    /** The database's name (the image worker opens it too). */
    readonly database: string,
  ) {}

  static async open(dbName = 'aula86-images'): Promise<IdbImageStorage | null> {
    try {
      if (typeof indexedDB === 'undefined') return null;
      const store = createStore(dbName, 'data');
      await get('probe', store);
      return new IdbImageStorage(store, dbName);
    } catch {
      return null;
    }
  }

  async list() {
    const imageKeys = (await keys(this.store)).filter(
      (k): k is string => typeof k === 'string' && k.startsWith(IMAGE),
    );
    const values = await getMany<unknown>(imageKeys, this.store);
    return sortImages(imageKeys.map((k, i) => [k.slice(IMAGE.length), values[i]]));
  }

  async has(sha256: string) {
    return (await get(IMAGE + sha256, this.store)) !== undefined;
  }

  async putPart(upload: string, index: number, bytes: Blob) {
    await set(partKey(upload, index), bytes, this.store);
  }

  async adopt(sha256: string, file: StoredFile) {
    if (await this.#file(sha256)) return this.discard(file);
    await set(FILE + sha256, file, this.store);
  }

  async discard(file: StoredFile) {
    await delMany(partKeys(file.upload, file.parts), this.store);
  }

  async put(image: StoredImage) {
    await set(IMAGE + image.sha256, image, this.store);
  }

  async #file(sha256: string): Promise<StoredFile | undefined> {
    const raw = await get<unknown>(FILE + sha256, this.store);
    const parsed = v.safeParse(StoredFileSchema, raw);
    return parsed.success ? parsed.output : undefined;
  }

  async blob(sha256: string) {
    const file = await this.#file(sha256);
    if (!file) return undefined;
    const parts = await getMany<unknown>(partKeys(file.upload, file.parts), this.store);
    if (!parts.every((p): p is Blob => p instanceof Blob)) return undefined;
    return new Blob(parts);
  }

  async remove(sha256: string) {
    const { images } = await this.list();
    const image = images.find((i) => i.sha256 === sha256);
    await del(IMAGE + sha256, this.store);
    if (!image) return;
    const used = new Set(images.filter((i) => i !== image).flatMap(filesOf));
    for (const hash of filesOf(image).filter((h) => !used.has(h))) {
      const file = await this.#file(hash);
      await del(FILE + hash, this.store);
      if (file) await this.discard(file);
    }
  }
}

export class MemoryImageStorage implements ImageStorage {
  readonly persistent = false;
  #images = new Map<string, StoredImage>();
  #files = new Map<string, StoredFile>();
  #parts = new Map<string, Blob>();

  list() {
    return Promise.resolve(sortImages([...this.#images]));
  }
  has(sha256: string) {
    return Promise.resolve(this.#images.has(sha256));
  }
  putPart(upload: string, index: number, bytes: Blob) {
    this.#parts.set(partKey(upload, index), bytes);
    return Promise.resolve();
  }
  adopt(sha256: string, file: StoredFile) {
    if (this.#files.has(sha256)) return this.discard(file);
    this.#files.set(sha256, file);
    return Promise.resolve();
  }
  discard(file: StoredFile) {
    for (const key of partKeys(file.upload, file.parts)) this.#parts.delete(key);
    return Promise.resolve();
  }
  put(image: StoredImage) {
    this.#images.set(image.sha256, image);
    return Promise.resolve();
  }
  blob(sha256: string) {
    const file = this.#files.get(sha256);
    const parts = file ? partKeys(file.upload, file.parts).map((k) => this.#parts.get(k)) : [];
    return Promise.resolve(
      file && parts.every((p) => p !== undefined) ? new Blob(parts) : undefined,
    );
  }
  async remove(sha256: string) {
    const image = this.#images.get(sha256);
    this.#images.delete(sha256);
    if (!image) return;
    const used = new Set([...this.#images.values()].flatMap(filesOf));
    for (const hash of filesOf(image).filter((h) => !used.has(h))) {
      const file = this.#files.get(hash);
      this.#files.delete(hash);
      if (file) await this.discard(file);
    }
  }

  /** Parts kept (for tests). */
  get partCount(): number {
    return this.#parts.size;
  }
}
