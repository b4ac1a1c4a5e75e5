// The snapshot panel's state: the list, what is running, and what to tell the user. It saves
// and restores the lab's selected machine. One operation at a time; other tabs of the lab are
// told when the list changes.
import { estimateStorage } from '../../common/storage/estimate';
import { info, problem, UserError, type Notice } from '../notices/notice';
import { describeSnapshotError } from './describe';
import type { Machine } from '../vm/Machine.svelte';
import type { Drive } from '../vm/DriverSeat.svelte';
import {
  EXPORT_EXTENSION,
  incompatibilities,
  SnapshotError,
  type SnapshotMeta,
  type SnapshotOrigin,
} from '../../common/snapshots/format';
import { whenQuiet } from '../scheduling/whenQuiet';
import { saveBlob } from '../downloads/download';
import { TabChannel } from '../../common/tabs/TabChannel';
import { NoticeInbox } from '../tabs/noticeInbox';
import { SnapshotLibrary } from './library';
import { cleanName } from '../../common/text/names';
import type { DamagedRecord } from './storage';

export type SnapshotBusy = 'saving' | 'restoring' | 'working';

/** The pre-booted state the lab's machines start from, to seed the store with (see seedBase). */
export interface BaseState {
  state: ArrayBuffer;
  gzipped: boolean;
  id: string;
  origin: SnapshotOrigin;
}

const CHANNEL = 'aula86-snapshots';

export class Snapshots {
  items = $state.raw<SnapshotMeta[]>([]);
  /** Stored records that are not valid snapshots: listed apart, so they can be deleted. */
  damaged = $state.raw<DamagedRecord[]>([]);
  busy = $state.raw<SnapshotBusy | null>(null);
  notice = $state.raw<Notice | null>(null);
  persistent = $state.raw(true);
  /** Bytes the snapshots take (exact), and what the browser says is left (an estimate). */
  usage = $state.raw<{ stored: number; free: number | null } | null>(null);
  /** The pre-booted state's chunks are stored (or there is nothing to store): saves are quick. */
  baseReady = $state.raw(false);

  // Opened by init(), after the guest has booted: opening IndexedDB and starting the worker
  // would otherwise compete with the boot for the CPU.
  #opened: Promise<SnapshotLibrary> | null = null;
  #initialized: Promise<void> | null = null;
  /** Other tabs say when they changed the store; what else comes on it is refused (TabChannel). */
  #channel: TabChannel<string> | null =
    typeof BroadcastChannel === 'function'
      ? new TabChannel(CHANNEL, new NoticeInbox('changed'), () => this.#refreshSoon())
      : null;
  /** A refresh runs, and another was asked for meanwhile. */
  #refreshing: Promise<void> | null = null;
  #again = false;

  /**
   * `target`: the machine saves come from and restores go to (the lab's selected one);
   * `base`: the pre-booted state, once downloaded; `defaultName`: a new snapshot's name.
   */
  constructor(
    private readonly target: () => Machine | null,
    private readonly base: () => BaseState | null,
    private readonly defaultName: () => string,
    private readonly openLibrary: () => Promise<SnapshotLibrary> = () => SnapshotLibrary.open(),
  ) {}

  /** Reads the list again; asked again while it reads, it reads once more afterwards. */
  #refreshSoon(): void {
    if (this.#refreshing) {
      this.#again = true;
      return;
    }
    this.#refreshing = this.refresh()
      .catch(() => undefined)
      .finally(() => {
        this.#refreshing = null;
        if (this.#again) {
          this.#again = false;
          this.#refreshSoon();
        }
      });
  }

  get #library(): Promise<SnapshotLibrary> {
    return (this.#opened ??= this.openLibrary());
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
    if (this.persistent) void globalThis.navigator?.storage?.persist?.().catch(() => false);
    await library.collectGarbage().catch(() => 0);
    await this.refresh();
    // Compressing a whole state takes a core for a while: not while the user types the first
    // command.
    void whenQuiet().then(() => this.#seedBase(library));
  }

  /** Stores the chunks of the state the lab started from, once per browser (see seedBase). */
  async #seedBase(library: SnapshotLibrary): Promise<void> {
    try {
      const base = this.base();
      if (base) {
        await library.seedBase({ data: base.state, gzipped: base.gzipped }, base.origin, base.id);
      }
    } catch {
      // Only an optimisation: without the base, a first save compresses the whole state.
    }
    await this.refresh().catch(() => undefined); // the storage line counts the base too
    this.baseReady = true;
  }

  async refresh(): Promise<void> {
    const { items, damaged, storedBytes } = await (await this.#library).list();
    this.items = items;
    this.damaged = damaged;
    this.usage = { stored: storedBytes, free: (await estimateStorage())?.free ?? null };
  }

  async save(): Promise<void> {
    await this.#run('saving', async (library) => {
      const machine = this.target();
      if (!machine || (machine.status !== 'running' && machine.status !== 'paused')) {
        throw new UserError('snap.error.notRunning');
      }
      const started = performance.now();
      const captured = await machine.saveState();
      const meta = await library.save({ ...captured, machine: machine.name }, this.defaultName());
      this.#changed();
      return info('snap.saved', { name: meta.name, ms: ms(started) });
    });
  }

  /**
   * Restores `meta` into the selected machine (only that one); resolves to why it failed
   * (also shown), or null.
   */
  restore(meta: SnapshotMeta, by?: Drive): Promise<{ failed: Notice } | null> {
    return this.#run('restoring', async (library) => {
      const machine = this.target();
      const origin = machine?.origin();
      if (!machine || !origin) throw new UserError('snap.error.notRunning');
      const reasons = incompatibilities(meta, origin);
      if (reasons.length) throw new SnapshotError({ code: 'incompatible', reasons });
      const started = performance.now();
      // From the click on: what is typed meanwhile goes to the restored machine, whole (or to
      // this one, if the snapshot cannot be read).
      await machine.drive(
        'restore',
        async (drive) => {
          const state = await library.load(meta);
          await machine.restoreState(state, new TextEncoder().encode(meta.screen), drive);
        },
        { by },
      );
      return info('snap.restored', { name: meta.name, into: machine.name, ms: ms(started) });
    });
  }

  async restoreLatest(): Promise<void> {
    const latest = this.items.find((m) => !m.lab);
    if (latest) await this.restore(latest);
  }

  /** Restores the newest snapshot called `name`: whether it was there and restored. */
  async restoreNamed(
    name: string,
    by?: Drive,
  ): Promise<'restored' | 'missing' | { failed: Notice }> {
    await this.refresh();
    const meta = this.items.find((m) => m.name === name);
    if (!meta) return 'missing';
    const failure = await this.restore(meta, by);
    return failure ?? 'restored';
  }

  /** Renames a snapshot; an empty name is refused with the reason, a taken one gets a suffix. */
  async rename(meta: SnapshotMeta, name: string): Promise<void> {
    const clean = cleanName(name);
    if (clean === meta.name) return;
    await this.#run('working', async (library) => {
      if (clean === null) throw new UserError('snap.error.emptyName');
      const given = await library.rename(meta, clean);
      this.#changed();
      return given === clean ? null : info('snap.renamedUnique', { name: given });
    });
  }

  /** Deletes a stored record that is not a valid snapshot. */
  async removeDamaged(id: string): Promise<void> {
    await this.#run('working', async (library) => {
      await library.removeDamaged(id);
      this.#changed();
      return info('snap.deletedDamaged');
    });
  }

  async remove(meta: SnapshotMeta): Promise<void> {
    await this.#run('working', async (library) => {
      await library.remove(meta);
      this.#changed();
      return info('snap.deleted', { name: meta.name });
    });
  }

  async exportFile(meta: SnapshotMeta): Promise<void> {
    await this.#run('working', async (library) => {
      const blob = await library.exportFile(meta);
      saveBlob(blob, `${meta.name.replace(/[^\p{L}\p{N}._-]+/gu, '_')}${EXPORT_EXTENSION}`);
      return null;
    });
  }

  async importFile(file: File): Promise<void> {
    await this.#run('working', async (library) => {
      const origin = this.target()?.origin();
      if (!origin) throw new UserError('snap.error.notRunning');
      const bytes = new Uint8Array(await file.arrayBuffer());
      const meta = await library.importFile(bytes, origin);
      this.#changed();
      return info('snap.imported', { name: meta.name });
    });
  }

  /**
   * Runs a task on the library as one of this panel's operations (one at a time, its outcome
   * told), and tells other tabs the list changed: for lab snapshots (LabSnapshots.svelte.ts).
   */
  runTask(
    busy: SnapshotBusy,
    task: (library: SnapshotLibrary) => Promise<Notice | null>,
  ): Promise<{ failed: Notice } | null> {
    return this.#run(busy, async (library) => {
      const done = await task(library);
      this.#changed();
      return done;
    });
  }

  dispose(): void {
    this.#channel?.close();
    void this.#opened?.then(
      (l) => l.dispose(),
      () => undefined, // it never opened
    );
  }

  /**
   * Runs one operation at a time; a click while one runs is refused with a message. Resolves to
   * why it failed (the notice says it to the user), or null.
   */
  async #run(
    busy: SnapshotBusy,
    task: (library: SnapshotLibrary) => Promise<Notice | null>,
  ): Promise<{ failed: Notice } | null> {
    if (this.busy) {
      this.notice = problem('snap.error.busy');
      return { failed: this.notice };
    }
    this.busy = busy;
    this.notice = null;
    try {
      const done = await task(await this.#library);
      this.notice = done;
      return null;
    } catch (error) {
      this.notice = describeSnapshotError(error);
      return { failed: this.notice };
    } finally {
      this.busy = null;
      await this.refresh().catch(() => undefined);
    }
  }

  #changed(): void {
    this.#channel?.post('changed');
  }
}

const ms = (since: number) => Math.round(performance.now() - since);
