// Where snapshots live: IndexedDB through idb-keyval when the browser allows it, else memory
// (private windows). One small interface; the rest of the app never sees IndexedDB.
//
// Keys: "meta:<id>" -> SnapshotMeta, "chunk:<sha256>" -> compressed chunk bytes. A snapshot's
// metadata and its new chunks are written in one transaction, so a snapshot is listed only once
// it is complete; chunks no snapshot refers to are collected afterwards.
import {
  createStore,
  delMany,
  getMany,
  keys,
  set,
  promisifyRequest,
  type UseStore,
} from 'idb-keyval';
import { validateMeta, type SnapshotMeta } from './format';

export type Chunk = Uint8Array<ArrayBuffer>;

export interface SnapshotStorage {
  /** False when snapshots only last as long as this page. */
  readonly persistent: boolean;
  listMeta(): Promise<SnapshotMeta[]>;
  /** Writes the metadata and the new chunks together, or nothing. */
  commit(meta: SnapshotMeta, fresh: Array<{ hash: string; data: Chunk }>): Promise<void>;
  putMeta(meta: SnapshotMeta): Promise<void>;
  getChunks(hashes: string[]): Promise<Array<Chunk | undefined>>;
  /** Removes a snapshot's metadata; its chunks go with the next collectGarbage(). */
  removeMeta(id: string): Promise<void>;
  /** Deletes chunks that no snapshot refers to; returns how many. */
  collectGarbage(): Promise<number>;
}

const META = 'meta:';
const CHUNK = 'chunk:';

function unreferenced(metas: SnapshotMeta[], hashes: Iterable<string>): string[] {
  const used = new Set(metas.flatMap((m) => m.chunks));
  return [...hashes].filter((h) => !used.has(h));
}

export class IdbSnapshotStorage implements SnapshotStorage {
  readonly persistent = true;
  constructor(private readonly store: UseStore) {}

  /** Opens the database, or returns null when IndexedDB is unavailable (private mode, policy). */
  static async open(name = 'aula86-snapshots'): Promise<IdbSnapshotStorage | null> {
    try {
      if (typeof indexedDB === 'undefined') return null;
      const store = createStore(name, 'data');
      await set('probe', 1, store);
      return new IdbSnapshotStorage(store);
    } catch {
      return null;
    }
  }

  async listMeta(): Promise<SnapshotMeta[]> {
    // Keys first: reading every entry would read every chunk too.
    const metaKeys = (await keys(this.store)).filter(
      (k): k is string => typeof k === 'string' && k.startsWith(META),
    );
    const metas: SnapshotMeta[] = [];
    for (const value of await getMany<unknown>(metaKeys, this.store)) {
      try {
        metas.push(validateMeta(value));
      } catch {
        // a record from a newer or broken format: not listed, not deleted
      }
    }
    return metas;
  }

  async #chunkHashes(): Promise<Set<string>> {
    const all = await keys(this.store);
    return new Set(
      all
        .filter((k): k is string => typeof k === 'string' && k.startsWith(CHUNK))
        .map((k) => k.slice(CHUNK.length)),
    );
  }

  commit(meta: SnapshotMeta, fresh: Array<{ hash: string; data: Chunk }>): Promise<void> {
    return this.store('readwrite', (store) => {
      try {
        for (const c of fresh) store.put(c.data, CHUNK + c.hash);
        store.put(meta, META + meta.id);
      } catch (error) {
        store.transaction.abort(); // all or nothing, even when a put fails at once
        throw error;
      }
      return promisifyRequest(store.transaction);
    });
  }

  putMeta(meta: SnapshotMeta): Promise<void> {
    return set(META + meta.id, meta, this.store);
  }

  getChunks(hashes: string[]): Promise<Array<Chunk | undefined>> {
    return getMany<Chunk>(
      hashes.map((h) => CHUNK + h),
      this.store,
    );
  }

  removeMeta(id: string): Promise<void> {
    return delMany([META + id], this.store);
  }

  async collectGarbage(): Promise<number> {
    const garbage = unreferenced(await this.listMeta(), await this.#chunkHashes());
    if (garbage.length)
      await delMany(
        garbage.map((h) => CHUNK + h),
        this.store,
      );
    return garbage.length;
  }
}

export class MemorySnapshotStorage implements SnapshotStorage {
  readonly persistent = false;
  #metas = new Map<string, SnapshotMeta>();
  #chunks = new Map<string, Chunk>();

  listMeta(): Promise<SnapshotMeta[]> {
    return Promise.resolve([...this.#metas.values()]);
  }
  commit(meta: SnapshotMeta, fresh: Array<{ hash: string; data: Chunk }>): Promise<void> {
    for (const c of fresh) this.#chunks.set(c.hash, c.data);
    this.#metas.set(meta.id, meta);
    return Promise.resolve();
  }
  putMeta(meta: SnapshotMeta): Promise<void> {
    this.#metas.set(meta.id, meta);
    return Promise.resolve();
  }
  getChunks(hashes: string[]): Promise<Array<Chunk | undefined>> {
    return Promise.resolve(hashes.map((h) => this.#chunks.get(h)));
  }
  removeMeta(id: string): Promise<void> {
    this.#metas.delete(id);
    return Promise.resolve();
  }
  collectGarbage(): Promise<number> {
    const garbage = unreferenced([...this.#metas.values()], this.#chunks.keys());
    for (const h of garbage) this.#chunks.delete(h);
    return Promise.resolve(garbage.length);
  }
}
