// Where the user's boot images live: IndexedDB (a File stored there stays on disk: it is never
// read whole into memory), else memory for this page (private windows). Keys:
// "image:<sha256>" -> the image's description (versioned, checked on every read) and
// "blob:<sha256>" -> its bytes; a file is stored once, however many times it is added.
import {
  createStore,
  del,
  delMany,
  get,
  getMany,
  keys,
  setMany,
  type UseStore,
} from 'idb-keyval';
import * as v from 'valibot';
import { parseOrThrow } from '../schema/validate';

const IMAGE = 'image:';
const BLOB = 'blob:';

const hash = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex'));
const size = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const name = v.pipe(v.string(), v.minLength(1), v.maxLength(255));

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

export interface ImageStorage {
  /** False when images only last as long as this page. */
  readonly persistent: boolean;
  /** The stored images, newest first, and the keys of records that are not valid ones. */
  list(): Promise<{ images: StoredImage[]; damaged: string[] }>;
  has(sha256: string): Promise<boolean>;
  /** Stores an image's description and any of its files not stored yet, together. */
  put(image: StoredImage, files: Array<{ sha256: string; blob: Blob }>): Promise<void>;
  blob(sha256: string): Promise<Blob | undefined>;
  /** Removes an image and the files no other image uses. */
  remove(sha256: string): Promise<void>;
}

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
  constructor(private readonly store: UseStore) {}

  static async open(dbName = 'aula86-images'): Promise<IdbImageStorage | null> {
    try {
      if (typeof indexedDB === 'undefined') return null;
      const store = createStore(dbName, 'data');
      await get('probe', store);
      return new IdbImageStorage(store);
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

  async put(image: StoredImage, files: Array<{ sha256: string; blob: Blob }>) {
    await setMany(
      [
        [IMAGE + image.sha256, image],
        ...files.map((f): [string, Blob] => [BLOB + f.sha256, f.blob]),
      ],
      this.store,
    );
  }

  async blob(sha256: string) {
    const blob = await get<unknown>(BLOB + sha256, this.store);
    return blob instanceof Blob ? blob : undefined;
  }

  async remove(sha256: string) {
    const { images } = await this.list();
    const image = images.find((i) => i.sha256 === sha256);
    await del(IMAGE + sha256, this.store);
    if (!image) return;
    const used = new Set(images.filter((i) => i !== image).flatMap(filesOf));
    await delMany(
      filesOf(image)
        .filter((h) => !used.has(h))
        .map((h) => BLOB + h),
      this.store,
    );
  }
}

export class MemoryImageStorage implements ImageStorage {
  readonly persistent = false;
  #images = new Map<string, StoredImage>();
  #blobs = new Map<string, Blob>();

  list() {
    return Promise.resolve(sortImages([...this.#images]));
  }
  has(sha256: string) {
    return Promise.resolve(this.#images.has(sha256));
  }
  put(image: StoredImage, files: Array<{ sha256: string; blob: Blob }>) {
    this.#images.set(image.sha256, image);
    for (const f of files) this.#blobs.set(f.sha256, f.blob);
    return Promise.resolve();
  }
  blob(sha256: string) {
    return Promise.resolve(this.#blobs.get(sha256));
  }
  remove(sha256: string) {
    const image = this.#images.get(sha256);
    this.#images.delete(sha256);
    if (image) {
      const used = new Set([...this.#images.values()].flatMap(filesOf));
      for (const h of filesOf(image)) if (!used.has(h)) this.#blobs.delete(h);
    }
    return Promise.resolve();
  }
}
