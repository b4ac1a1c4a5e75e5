// A machine's shared folder (9p): files the user sends appear in the guest under /mnt/host, and
// files the guest writes there can be downloaded. The files live in the emulator worker's memory
// (and in the machine's snapshots); this is the page's view of them.
import type { Emulator } from '../vm/EmulatorClient';
import type { SharedFileInfo } from '../../common/protocol/emulator';
import { UserError } from '../notices/notice';
import { applyListing } from '../../common/sharedFolder/listing';

/** The largest file sent in one go: it is held in memory on both sides while it crosses. */
export const MAX_SHARED_FILE = 256 * 1024 * 1024;
/** The folder's whole contents: it lives in the emulator's memory and in every snapshot. */
export const MAX_SHARED_TOTAL = 512 * 1024 * 1024;
/** How often a watched folder asks the worker what changed (an answer is tiny when nothing did). */
const WATCH_MS = 1000;

export interface SendProgress {
  name: string;
  /** Bytes of this file read so far. */
  loaded: number;
  total: number;
}

/** What the shared folder needs of an emulator. */
export type SharedLink = Pick<Emulator, 'putFile' | 'getFile' | 'sharedChanges'>;

export class SharedFolder {
  files = $state.raw<readonly SharedFileInfo[]>([]);
  /** The file being sent, while it is. */
  sending = $state.raw<SendProgress | null>(null);
  #emulator: SharedLink | null = null;
  /** The worker's listing version the page's list matches (-1: none yet). */
  #version = -1;
  #watchers = 0;
  #timer: ReturnType<typeof setInterval> | null = null;

  connect(emulator: SharedLink | null): void {
    this.#emulator = emulator;
    this.#version = -1;
    this.files = [];
  }

  get available(): boolean {
    return this.#emulator !== null;
  }

  /**
   * The guest writes without telling: while someone watches (a panel on screen), the worker is
   * asked every second what changed, and only that is applied. Returns the undo.
   */
  watch(): () => void {
    if (this.#watchers++ === 0) {
      void this.refresh().catch(() => undefined);
      this.#timer = setInterval(() => void this.refresh().catch(() => undefined), WATCH_MS);
    }
    return () => {
      if (--this.#watchers === 0 && this.#timer !== null) {
        clearInterval(this.#timer);
        this.#timer = null;
      }
    };
  }

  /** Brings the list up to date with the guest's side (what the guest wrote is there too). */
  async refresh(): Promise<readonly SharedFileInfo[]> {
    const emulator = this.#emulator;
    if (!emulator) return [];
    const changes = await emulator.sharedChanges(this.#version);
    if (emulator !== this.#emulator) return this.files;
    this.#version = changes.version;
    this.files = applyListing(this.files, changes);
    return this.files;
  }

  /** Sends files into /mnt/host, one after another, reading each in chunks (progress shown). */
  async send(files: readonly File[]): Promise<void> {
    const emulator = this.#emulator;
    if (!emulator) throw new UserError('shared.error.noMachine', {});
    const current = this.files.reduce((sum, f) => sum + f.size, 0);
    const adding = files.reduce((sum, f) => sum + f.size, 0);
    for (const file of files) {
      if (file.size > MAX_SHARED_FILE) {
        throw new UserError('shared.error.tooBig', { name: file.name, max: MAX_SHARED_FILE });
      }
    }
    if (current + adding > MAX_SHARED_TOTAL) {
      throw new UserError('shared.error.folderFull', { max: MAX_SHARED_TOTAL });
    }
    try {
      for (const file of files) {
        const bytes = await readWithProgress(file, (loaded) => {
          this.sending = { name: file.name, loaded, total: file.size };
        });
        await emulator.putFile({ name: file.name, bytes });
      }
    } finally {
      this.sending = null;
    }
    await this.refresh();
  }

  /** A file of the folder, by the name the guest gave it, as the guest left it. */
  async read(name: string): Promise<Blob> {
    const emulator = this.#emulator;
    if (!emulator) throw new UserError('shared.error.noMachine', {});
    return emulator.getFile(name);
  }
}

/** A file's bytes, read a chunk at a time so progress can be shown for big files. */
async function readWithProgress(
  file: File,
  onProgress: (loaded: number) => void,
): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let loaded = 0;
  onProgress(0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (loaded + value.length > bytes.length)
      throw new UserError('shared.error.changed', { name: file.name });
    bytes.set(value, loaded);
    loaded += value.length;
    onProgress(loaded);
  }
  if (loaded !== bytes.length) throw new UserError('shared.error.changed', { name: file.name });
  return bytes;
}
