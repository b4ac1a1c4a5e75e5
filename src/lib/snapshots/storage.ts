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
import { messageOf } from '../../common/errors';
import { SnapshotError, validateMeta, type SnapshotMeta } from '../../common/snapshots/format';

export type Chunk = Uint8Array<ArrayBuffer>;

/** A stored record that is not a valid snapshot: listed as damaged, so it can be deleted. */
export interface DamagedRecord {
  id: string;
  /** What is wrong with it, naming the field (not translated). */
  reason: string;
}

export interface SnapshotStorage {
  /** False when snapshots only last as long as this page. */
  readonly persistent: boolean;
  /** Every record: the valid ones, and the damaged ones apart (one never hides the others). */
  scan(): Promise<{ metas: SnapshotMeta[]; damaged: DamagedRecord[] }>;
  listMeta(): Promise<SnapshotMeta[]>;
  /** Writes the metadata and the new chunks together, or nothing. */
  commit(meta: SnapshotMeta, fresh: Array<{ hash: string; data: Chunk }>): Promise<void>;
  /** Renames a stored snapshot; SnapshotError 'gone' when it was deleted meanwhile. */
  renameMeta(id: string, name: string): Promise<void>;
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

/** Sorts raw records into valid snapshots and damaged ones. */
function sortRecords(records: Array<[id: string, value: unknown]>) {
  const metas: SnapshotMeta[] = [];
  const damaged: DamagedRecord[] = [];
  for (const [id, value] of records) {
    try {
      const meta = validateMeta(value);
      if (meta.id !== id) throw new Error(`id: does not match its key`);
      metas.push(meta);
    } catch (error) {
      const detail = error instanceof SnapshotError ? error.problem : null;
      const reason =
        detail?.code === 'notSnapshot'
          ? (detail.detail ?? 'not a snapshot')
          : detail?.code === 'unsupportedFormat'
            ? `format ${detail.version}`
            : messageOf(error);
      damaged.push({ id, reason });
    }
  }
  return { metas, damaged };
}

const gone = () => new SnapshotError({ code: 'gone' });

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

  async scan(): Promise<{ metas: SnapshotMeta[]; damaged: DamagedRecord[] }> {
    // Keys first: reading every entry would read every chunk too.
    const metaKeys = (await keys(this.store)).filter(
      (k): k is string => typeof k === 'string' && k.startsWith(META),
    );
    const values = await getMany<unknown>(metaKeys, this.store);
    return sortRecords(metaKeys.map((k, i) => [k.slice(META.length), values[i]]));
  }

  async listMeta(): Promise<SnapshotMeta[]> {
    return (await this.scan()).metas;
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

  renameMeta(id: string, name: string): Promise<void> {
    // Read and write in one transaction: a snapshot another tab deleted is not written back
    // (it would come back without its chunks).
    return this.store('readwrite', async (store) => {
      const current: unknown = await promisifyRequest(store.get(META + id));
      if (current === undefined) throw gone();
      store.put({ ...(current as SnapshotMeta), name }, META + id);
      return promisifyRequest(store.transaction);
    });
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
  #chunks = new Map<string, Chunk>();

  /** Raw records, as IndexedDB would hold them (tests may put damaged ones here). */
  readonly records = new Map<string, unknown>();

  scan(): Promise<{ metas: SnapshotMeta[]; damaged: DamagedRecord[] }> {
    return Promise.resolve(sortRecords([...this.records]));
  }
  async listMeta(): Promise<SnapshotMeta[]> {
    return (await this.scan()).metas;
  }
  commit(meta: SnapshotMeta, fresh: Array<{ hash: string; data: Chunk }>): Promise<void> {
    for (const c of fresh) this.#chunks.set(c.hash, c.data);
    this.records.set(meta.id, meta);
    return Promise.resolve();
  }
  renameMeta(id: string, name: string): Promise<void> {
    const current = this.records.get(id) as SnapshotMeta | undefined;
    if (current === undefined) return Promise.reject(gone());
    this.records.set(id, { ...current, name });
    return Promise.resolve();
  }
  getChunks(hashes: string[]): Promise<Array<Chunk | undefined>> {
    return Promise.resolve(hashes.map((h) => this.#chunks.get(h)));
  }
  removeMeta(id: string): Promise<void> {
    this.records.delete(id);
    return Promise.resolve();
  }
  async collectGarbage(): Promise<number> {
    const garbage = unreferenced(await this.listMeta(), this.#chunks.keys());
    for (const h of garbage) this.#chunks.delete(h);
    return garbage.length;
  }
}
