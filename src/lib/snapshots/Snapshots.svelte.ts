// The snapshot panel's state: the list, what is running, and what to tell the user. One operation
// at a time; other tabs of the lab are told when the list changes.
import { messageOf } from '../errors';
import type { MessageKey } from '../i18n/messages';
import type { Params } from '../i18n/translate';
import type { Machine } from '../vm/Machine.svelte';
import { EXPORT_EXTENSION, incompatibilities, SnapshotError, type SnapshotMeta } from './format';
import { SnapshotLibrary } from './library';

export type SnapshotBusy = 'saving' | 'restoring' | 'working';

export interface Notice {
  tone: 'info' | 'error';
  key: MessageKey;
  params: Params;
  /** Incompatibility reasons, each its own message, joined into `reasons`. */
  reasons?: Array<{ key: MessageKey; params: Params }>;
}

const CHANNEL = 'aula86-snapshots';

export class Snapshots {
  items = $state.raw<SnapshotMeta[]>([]);
  busy = $state.raw<SnapshotBusy | null>(null);
  notice = $state.raw<Notice | null>(null);
  persistent = $state.raw(true);
  usage = $state.raw<{ used: number; quota: number } | null>(null);
  /** The pre-booted state's chunks are stored (or there is nothing to store): saves are quick. */
  baseReady = $state.raw(false);

  // Opened by init(), after the guest has booted: opening IndexedDB and starting the worker
  // would otherwise compete with the boot for the CPU.
  #opened: Promise<SnapshotLibrary> | null = null;
  #initialized: Promise<void> | null = null;
  #channel: BroadcastChannel | null =
    typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;

  constructor(
    private readonly machine: Machine,
    private readonly defaultName: () => string,
  ) {
    this.#channel?.addEventListener('message', () => void this.refresh());
  }

  get #library(): Promise<SnapshotLibrary> {
    return (this.#opened ??= SnapshotLibrary.open());
  }

  /** Opens the store (once: the lab and a kiosk both ask) and reads the list. */
  init(): Promise<void> {
    // A failed attempt is forgotten, so the next call tries again.
    return (this.#initialized ??= this.#init().catch((error: unknown) => {
      this.#initialized = null;
      throw error;
    }));
  }

  async #init(): Promise<void> {
    const library = await this.#library;
    this.persistent = library.storage.persistent;
    if (this.persistent) void navigator.storage?.persist?.().catch(() => false);
    await library.collectGarbage().catch(() => 0);
    await this.refresh();
    void this.#seedBase(library);
  }

  /** Stores the chunks of the state the lab started from, once per browser (see seedBase). */
  async #seedBase(library: SnapshotLibrary): Promise<void> {
    try {
      const base = this.machine.bootState();
      const origin = this.machine.origin();
      if (base && origin) await library.seedBase(base.state, origin, base.id);
    } catch {
      // Only an optimisation: without the base, a first save compresses the whole state.
    } finally {
      this.baseReady = true;
    }
  }

  async refresh(): Promise<void> {
    this.items = await (await this.#library).list();
    const estimate = await navigator.storage?.estimate?.().catch(() => null);
    if (estimate?.quota) this.usage = { used: estimate.usage ?? 0, quota: estimate.quota };
  }

  save(): Promise<void> {
    return this.#run('saving', async (library) => {
      if (this.machine.status !== 'running' && this.machine.status !== 'paused') {
        throw new UserError('snap.error.notRunning');
      }
      const started = performance.now();
      const captured = await this.machine.saveState();
      const meta = await library.save(captured, this.defaultName());
      this.#changed();
      return { key: 'snap.saved', params: { name: meta.name, ms: ms(started) } };
    });
  }

  restore(meta: SnapshotMeta): Promise<void> {
    return this.#run('restoring', async (library) => {
      const origin = this.machine.origin();
      if (!origin) throw new UserError('snap.error.notRunning');
      if (this.machine.inputLockedBy !== null) throw new UserError('snap.error.consoleBusy');
      const reasons = incompatibilities(meta, origin);
      if (reasons.length) throw new SnapshotError({ code: 'incompatible', reasons });
      const started = performance.now();
      const state = await library.load(meta);
      await this.machine.restoreState(state, new TextEncoder().encode(meta.screen));
      return { key: 'snap.restored', params: { name: meta.name, ms: ms(started) } };
    });
  }

  restoreLatest(): Promise<void> {
    const latest = this.items[0];
    return latest ? this.restore(latest) : Promise.resolve();
  }

  /** Restores the newest snapshot called `name`; false when there is none. */
  async restoreNamed(name: string): Promise<boolean> {
    await this.refresh();
    const meta = this.items.find((m) => m.name === name);
    if (!meta) return false;
    await this.restore(meta);
    return true;
  }

  rename(meta: SnapshotMeta, name: string): Promise<void> {
    const trimmed = name.trim();
    if (!trimmed || trimmed === meta.name) return Promise.resolve();
    return this.#run('working', async (library) => {
      await library.rename(meta, trimmed);
      this.#changed();
      return null;
    });
  }

  remove(meta: SnapshotMeta): Promise<void> {
    return this.#run('working', async (library) => {
      await library.remove(meta);
      this.#changed();
      return { key: 'snap.deleted', params: { name: meta.name } };
    });
  }

  exportFile(meta: SnapshotMeta): Promise<void> {
    return this.#run('working', async (library) => {
      const blob = await library.exportFile(meta);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `${meta.name.replace(/[^\p{L}\p{N}._-]+/gu, '_')}${EXPORT_EXTENSION}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
      return null;
    });
  }

  importFile(file: File): Promise<void> {
    return this.#run('working', async (library) => {
      const origin = this.machine.origin();
      if (!origin) throw new UserError('snap.error.notRunning');
      const bytes = new Uint8Array(await file.arrayBuffer());
      const meta = await library.importFile(bytes, origin);
      this.#changed();
      return { key: 'snap.imported', params: { name: meta.name } };
    });
  }

  dispose(): void {
    this.#channel?.close();
    void this.#opened?.then((l) => l.dispose());
  }

  /** Runs one operation at a time; a click while one runs is refused with a message. */
  async #run(
    busy: SnapshotBusy,
    task: (library: SnapshotLibrary) => Promise<{ key: MessageKey; params: Params } | null>,
  ): Promise<void> {
    if (this.busy) {
      this.notice = { tone: 'error', key: 'snap.error.busy', params: {} };
      return;
    }
    this.busy = busy;
    this.notice = null;
    try {
      const done = await task(await this.#library);
      if (done) this.notice = { tone: 'info', ...done };
    } catch (error) {
      this.notice = describeSnapshotError(error);
    } finally {
      this.busy = null;
      await this.refresh().catch(() => undefined);
    }
  }

  #changed(): void {
    this.#channel?.postMessage('changed');
  }
}

class UserError extends Error {
  constructor(readonly key: MessageKey) {
    super(key);
  }
}

const ms = (since: number) => Math.round(performance.now() - since);

export function describeSnapshotError(error: unknown): Notice {
  if (error instanceof UserError) return { tone: 'error', key: error.key, params: {} };
  if (error instanceof SnapshotError) {
    const problem = error.problem;
    switch (problem.code) {
      case 'unsupportedFormat':
        return {
          tone: 'error',
          key: 'snap.error.unsupportedFormat',
          params: { version: problem.version },
        };
      case 'incompatible':
        return {
          tone: 'error',
          key: 'snap.error.incompatible',
          params: {},
          reasons: problem.reasons.map((r): { key: MessageKey; params: Params } => {
            switch (r.kind) {
              case 'v86Version':
                return {
                  key: 'snap.reason.v86Version',
                  params: { saved: r.saved, current: r.current },
                };
              case 'profile':
                return {
                  key: 'snap.reason.profile',
                  params: { saved: r.saved, current: r.current },
                };
              case 'memory':
                return {
                  key: 'snap.reason.memory',
                  params: { saved: r.saved / 2 ** 20, current: r.current / 2 ** 20 },
                };
              case 'images':
                return { key: 'snap.reason.images', params: {} };
            }
          }),
        };
      default:
        return { tone: 'error', key: `snap.error.${problem.code}`, params: {} };
    }
  }
  if (error instanceof DOMException && error.name === 'QuotaExceededError') {
    return { tone: 'error', key: 'snap.error.quota', params: {} };
  }
  const detail = messageOf(error);
  if (/quota/i.test(detail)) return { tone: 'error', key: 'snap.error.quota', params: {} };
  return { tone: 'error', key: 'snap.error.generic', params: { detail } };
}
