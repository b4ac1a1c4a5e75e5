// Saving, restoring, exporting and importing snapshots: the storage, the worker and the format
// put together. No UI state here (see Snapshots.svelte.ts).
import {
  decodeExport,
  encodeExport,
  incompatibilities,
  SNAPSHOT_FORMAT,
  SnapshotError,
  type LabMembership,
  type SnapshotMeta,
  type SnapshotOrigin,
} from '../../common/snapshots/format';
import { cleanName, uniqueName } from '../../common/text/names';
import {
  IdbSnapshotStorage,
  MemorySnapshotStorage,
  type DamagedRecord,
  type SnapshotStorage,
} from './storage';
import { SnapshotWorker } from './workerClient';

export interface CapturedState {
  state: ArrayBuffer;
  screen: Uint8Array;
  origin: SnapshotOrigin;
  /** The name of the machine it comes from. */
  machine?: string;
  /** The lab snapshot it is part of. */
  lab?: LabMembership;
}

const LOCK = 'aula86-snapshots';

/** Runs `task` while no other tab of the lab writes to or collects the snapshot store. */
function exclusive<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request(LOCK, task) : task();
}

/** Every chunk the records refer to (each is stored), with its stored size. */
function storedChunkSizes(metas: SnapshotMeta[]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const m of metas) m.chunks.forEach((h, i) => sizes.set(h, m.chunkSizes[i] ?? 0));
  return sizes;
}

export class SnapshotLibrary {
  readonly #worker: SnapshotWorker;
  /**
   * Stored chunks known good in this page: written by it, or read back and checked. A save
   * reuses a stored chunk only once it is known good (a damaged one is written again), so a
   * chunk damaged on disk never makes a snapshot that says "Saved" and cannot be restored.
   */
  readonly #verified = new Set<string>();

  constructor(
    readonly storage: SnapshotStorage,
    worker = new SnapshotWorker(),
  ) {
    this.#worker = worker;
    this.#worker.warmUp();
  }

  static async open(): Promise<SnapshotLibrary> {
    return new SnapshotLibrary((await IdbSnapshotStorage.open()) ?? new MemorySnapshotStorage());
  }

  /**
   * The snapshots, newest first (not the chunk base, see seedBase); the records that are not
   * valid snapshots; and the bytes all of it takes in storage (each chunk counted once).
   */
  async list(): Promise<{ items: SnapshotMeta[]; damaged: DamagedRecord[]; storedBytes: number }> {
    const { metas, damaged } = await this.storage.scan();
    const sizes = storedChunkSizes(metas);
    let storedBytes = 0;
    for (const size of sizes.values()) storedBytes += size;
    const items = metas.filter((m) => m.kind !== 'base').sort((a, b) => b.createdAt - a.createdAt);
    return { items, damaged, storedBytes };
  }

  /**
   * Stores the chunks of the state the lab starts from (its pre-booted state) once, under `id`,
   * as a hidden base: a snapshot saved later stores and compresses only the chunks that
   * changed since, which makes the first save of a session as quick as the second.
   * Returns false when the base was there already.
   */
  async seedBase(
    state: { data: ArrayBuffer; gzipped: boolean },
    origin: SnapshotOrigin,
    id: string,
  ): Promise<boolean> {
    return exclusive(async () => {
      const metas = await this.storage.listMeta();
      const stored = metas.find((m) => m.id === id);
      if (stored) {
        // Checked now, while the page is quiet, so that the first save need not check them.
        await this.#check(stored.chunks);
        return false;
      }
      // Bases of other builds are of no use any more; their chunks go with the next collection.
      for (const old of metas.filter((m) => m.kind === 'base'))
        await this.storage.removeMeta(old.id);
      await this.#store(state, origin, metas, {
        id,
        name: 'base',
        createdAt: Date.now(),
        screen: '',
        kind: 'base',
      });
      return true;
    });
  }

  /** Stores a captured state as a new snapshot; its name is cleaned and made unique. */
  async save(captured: CapturedState, name: string, createdAt = Date.now()): Promise<SnapshotMeta> {
    const { state, screen, origin, machine, lab } = captured;
    return exclusive(async () => {
      const metas = await this.storage.listMeta();
      const taken = metas.filter((m) => m.kind !== 'base').map((m) => m.name);
      return this.#store({ data: state, gzipped: false }, origin, metas, {
        id: crypto.randomUUID(),
        name: uniqueName(cleanName(name) ?? 'snapshot', taken),
        createdAt,
        screen: new TextDecoder().decode(screen),
        ...(machine === undefined ? {} : { machine }),
        ...(lab === undefined ? {} : { lab }),
      });
    });
  }

  /** Chunks, hashes and compresses a state (new chunks only) and commits it with its metadata. */
  async #store(
    state: { data: ArrayBuffer; gzipped: boolean },
    origin: SnapshotOrigin,
    metas: SnapshotMeta[],
    fields: Pick<SnapshotMeta, 'id' | 'name' | 'createdAt' | 'screen' | 'kind' | 'machine' | 'lab'>,
  ): Promise<SnapshotMeta> {
    // The chunks the stored metadata refers to are stored (each was committed with its
    // metadata), with their sizes: one read gives both what need not be written and its size.
    const sizes = storedChunkSizes(metas);
    const { data, gzipped } = state;
    // A gzipped state (the base) is not kept by the worker to compress again: it reuses only
    // chunks known good. Any other reuses every stored chunk, and checks the ones it reused.
    const known = gzipped
      ? [...sizes.keys()].filter((h) => this.#verified.has(h))
      : [...sizes.keys()];
    const packed = await this.#worker.request('pack', { state: data, gzipped, known }, [data]);
    const stateSize = packed.stateSize;
    const reused = new Set(packed.chunks.filter((h) => sizes.has(h)));
    const damaged = await this.#check([...reused]);
    if (damaged.length > 0) {
      const again = await this.#worker.request('compressChunks', {
        stateSha256: packed.stateSha256,
        hashes: damaged,
      });
      packed.fresh.push(...again);
    }
    for (const c of packed.fresh) sizes.set(c.hash, c.data.byteLength);
    const chunkSizes = packed.chunks.map((h) => sizes.get(h) ?? 0);
    const meta: SnapshotMeta = {
      format: SNAPSHOT_FORMAT,
      ...fields,
      ...origin,
      stateSize,
      stateSha256: packed.stateSha256,
      chunks: packed.chunks,
      chunkSizes,
      storedSize: chunkSizes.reduce((a, b) => a + b, 0),
    };
    if (meta.kind === undefined) delete meta.kind;
    await this.storage.commit(meta, packed.fresh);
    for (const c of packed.fresh) this.#verified.add(c.hash);
    return meta;
  }

  /** Reads and checks the stored chunks not yet known good; returns the damaged ones. */
  async #check(hashes: string[]): Promise<string[]> {
    const unchecked = [...new Set(hashes)].filter((h) => !this.#verified.has(h));
    if (unchecked.length === 0) return [];
    const stored = await this.storage.getChunks(unchecked);
    const chunks = new Map(unchecked.map((hash, i) => [hash, stored[i]]));
    const damaged = await this.#worker.request('verify', { chunks });
    const bad = new Set(damaged);
    for (const hash of unchecked) if (!bad.has(hash)) this.#verified.add(hash);
    return damaged;
  }

  /**
   * The raw state: the copy the worker kept of the state saved last, if it is this one (it was
   * checked when saved), else read from storage, every chunk checked against its SHA-256.
   */
  async load(meta: SnapshotMeta): Promise<ArrayBuffer> {
    const { stateSha256, stateSize } = meta;
    const kept = await this.#worker.request('recall', { stateSha256, stateSize });
    if (kept) return kept;
    const distinct = [...new Set(meta.chunks)];
    const stored = await this.storage.getChunks(distinct);
    const chunks = new Map(distinct.map((hash, i) => [hash, stored[i]]));
    const state = await this.#worker.request('unpack', { chunks, order: meta.chunks, stateSize });
    for (const hash of distinct) this.#verified.add(hash); // each was checked to unpack
    return state;
  }

  /**
   * Renames a snapshot: `name` must be clean already (see names.ts); a name another snapshot
   * has gets a suffix. Returns the name given. SnapshotError 'gone' if it was deleted meanwhile.
   */
  rename(meta: SnapshotMeta, name: string): Promise<string> {
    return exclusive(async () => {
      const taken = (await this.storage.listMeta())
        .filter((m) => m.kind !== 'base' && m.id !== meta.id)
        .map((m) => m.name);
      const unique = uniqueName(name, taken);
      await this.storage.renameMeta(meta.id, unique);
      return unique;
    });
  }

  /** Deletes a record that is not a valid snapshot (listed as damaged). */
  removeDamaged(id: string): Promise<void> {
    return exclusive(async () => {
      await this.storage.removeMeta(id);
      await this.storage.collectGarbage();
    });
  }

  remove(meta: SnapshotMeta): Promise<void> {
    return exclusive(async () => {
      await this.storage.removeMeta(meta.id);
      await this.storage.collectGarbage();
    });
  }

  /** Collects chunks left behind by a save that was interrupted before it committed. */
  collectGarbage(): Promise<number> {
    return exclusive(() => this.storage.collectGarbage());
  }

  async exportFile(meta: SnapshotMeta): Promise<Blob> {
    const state = await this.load(meta);
    const payload = await this.#worker.request('gzip', { data: state }, [state]);
    return new Blob([encodeExport(meta, payload)], { type: 'application/octet-stream' });
  }

  /**
   * Reads an exported file, checks it fully (format, payload hash, and that it fits this
   * machine), then stores it as a new snapshot.
   */
  async importFile(bytes: Uint8Array, current: SnapshotOrigin): Promise<SnapshotMeta> {
    const { header, payload } = decodeExport(bytes);
    const saved = header.meta;
    const reasons = incompatibilities(saved, current);
    if (reasons.length) throw new SnapshotError({ code: 'incompatible', reasons });
    // Inflated at most to the size it declares (itself bounded by the guest's memory).
    const state = await this.#worker
      .request('gunzip', { data: payload.slice(), limit: saved.stateSize })
      .catch((error: unknown) =>
        Promise.reject(
          error instanceof SnapshotError ? error : new SnapshotError({ code: 'hashMismatch' }),
        ),
      );
    const copy = state.slice(0);
    const actual = await this.#worker.request('sha256', { data: copy }, [copy]);
    if (actual !== saved.stateSha256 || state.byteLength !== saved.stateSize) {
      throw new SnapshotError({ code: 'hashMismatch' });
    }
    const screen = new TextEncoder().encode(saved.screen);
    const name = cleanName(saved.name) ?? 'snapshot';
    const machine = saved.machine;
    return this.save({ state, screen, origin: current, machine }, name, saved.createdAt);
  }

  dispose(): void {
    this.#worker.dispose();
  }
}
