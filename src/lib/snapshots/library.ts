// Saving, restoring, exporting and importing snapshots: the storage, the worker and the format
// put together. No UI state here (see Snapshots.svelte.ts).
import {
  decodeExport,
  encodeExport,
  incompatibilities,
  SNAPSHOT_FORMAT,
  SnapshotError,
  type SnapshotMeta,
  type SnapshotOrigin,
} from './format';
import { IdbSnapshotStorage, MemorySnapshotStorage, type SnapshotStorage } from './storage';
import { SnapshotWorker } from './workerClient';

export interface CapturedState {
  state: ArrayBuffer;
  screen: Uint8Array;
  origin: SnapshotOrigin;
}

const LOCK = 'aula86-snapshots';

/** Runs `task` while no other tab of the lab writes to or collects the snapshot store. */
function exclusive<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request(LOCK, task) : task();
}

export class SnapshotLibrary {
  readonly #worker = new SnapshotWorker();

  constructor(readonly storage: SnapshotStorage) {
    this.#worker.warmUp();
  }

  static async open(): Promise<SnapshotLibrary> {
    return new SnapshotLibrary((await IdbSnapshotStorage.open()) ?? new MemorySnapshotStorage());
  }

  async list(): Promise<SnapshotMeta[]> {
    return (await this.storage.listMeta()).sort((a, b) => b.createdAt - a.createdAt);
  }

  async save(captured: CapturedState, name: string, createdAt = Date.now()): Promise<SnapshotMeta> {
    const { state, screen, origin } = captured;
    return exclusive(async () => {
      // The chunks the saved snapshots refer to are stored (each was committed with its
      // metadata), with their sizes: one read gives both what need not be written and its size.
      const sizes = new Map<string, number>();
      for (const m of await this.storage.listMeta()) {
        m.chunks.forEach((h, i) => sizes.set(h, m.chunkSizes[i] ?? 0));
      }
      const stateSize = state.byteLength;
      const known = [...sizes.keys()];
      const packed = await this.#worker.request('pack', { state, known }, [state]);
      for (const c of packed.fresh) sizes.set(c.hash, c.data.byteLength);
      const chunkSizes = packed.chunks.map((h) => sizes.get(h) ?? 0);
      const meta: SnapshotMeta = {
        format: SNAPSHOT_FORMAT,
        id: crypto.randomUUID(),
        name,
        createdAt,
        ...origin,
        stateSize,
        stateSha256: packed.stateSha256,
        chunks: packed.chunks,
        chunkSizes,
        storedSize: chunkSizes.reduce((a, b) => a + b, 0),
        screen: new TextDecoder().decode(screen),
      };
      await this.storage.commit(meta, packed.fresh);
      return meta;
    });
  }

  /** The raw state, every chunk and the whole checked against their SHA-256. */
  async load(meta: SnapshotMeta): Promise<ArrayBuffer> {
    const chunks = await this.storage.getChunks(meta.chunks);
    return this.#worker.request('unpack', {
      chunks,
      hashes: meta.chunks,
      stateSha256: meta.stateSha256,
      stateSize: meta.stateSize,
    });
  }

  rename(meta: SnapshotMeta, name: string): Promise<void> {
    return exclusive(() => this.storage.putMeta({ ...meta, name }));
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
    const state = await this.#worker
      .request('gunzip', { data: payload.slice() })
      .catch(() => Promise.reject(new SnapshotError({ code: 'hashMismatch' })));
    const copy = state.slice(0);
    const actual = await this.#worker.request('sha256', { data: copy }, [copy]);
    if (actual !== saved.stateSha256 || state.byteLength !== saved.stateSize) {
      throw new SnapshotError({ code: 'hashMismatch' });
    }
    const screen = new TextEncoder().encode(saved.screen);
    return this.save({ state, screen, origin: current }, saved.name, saved.createdAt);
  }

  dispose(): void {
    this.#worker.dispose();
  }
}
