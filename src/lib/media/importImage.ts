// Adding a boot image of the user's: what the file is (detect.ts), whether it fits (memory,
// storage quota: refused before anything is written), its SHA-256 computed as the file streams
// by (a 700 MB ISO is never held in memory), then the file stored once under that hash.
import { UserError } from '../notices/notice';
import { cleanName } from '../../common/text/names';
import type { StorageEstimate } from '../../common/storage/estimate';
import { storageRefusalOf, storageReserve, StorageWriteError } from '../../common/storage/failure';
import { detectImage, HEAD_BYTES, type BootDevice, type Detection } from './detect';
import type { ImageStorage, StoredFile, StoredImage } from '../../common/images/ImageStore';
import { BlobChangedError, streamBlob } from '../../common/images/streamBlob';
import { RpcError } from '../../common/rpc/rpc';

export interface ImportChoices {
  device: BootDevice;
  memoryMb: number;
  /** A kernel's command line. */
  cmdline: string;
  /** A kernel's initrd (optional). */
  initrd: File | null;
}

export interface ImportProgress {
  phase: 'hashing' | 'storing';
  loaded: number;
  total: number;
}

export const MiB = 1024 * 1024;
/** Bytes as MB with one decimal, for messages. */
export const mb = (bytes: number) => Math.round((bytes / MiB) * 10) / 10;
/** The least memory a guest gets. */
export const MIN_MEMORY_MB = 16;
/** The largest image accepted at all (v86 reads disks in ranges; 8 GiB is plenty). */
export const MAX_IMAGE_BYTES = 8 * 2 ** 30;

/** What the file is, from its first bytes and its size. */
export async function inspectImage(file: Blob): Promise<Detection> {
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  return detectImage(head, file.size);
}

/** The memory a guest booting this needs at least: v86 puts an initrd at 64 MiB. */
export function minimumMemoryMb(device: BootDevice, initrdBytes: number): number {
  return device === 'kernel' && initrdBytes > 0
    ? Math.ceil((64 * MiB + initrdBytes) / MiB) + 16
    : MIN_MEMORY_MB;
}

/** The memory a new guest is offered: enough for a live CD or a small installer. */
export function defaultMemoryMb(device: BootDevice, initrdBytes: number): number {
  return Math.max(128, minimumMemoryMb(device, initrdBytes));
}

/** SHA-256 of a Blob read as a stream (chunks, never the whole file), with progress. */
export async function sha256OfBlob(
  blob: Blob,
  onProgress: (loaded: number) => void = () => undefined,
): Promise<string> {
  return (await streamBlob(blob, onProgress)).sha256;
}

/** Hashes a file and writes it into the store; returns its SHA-256 (stored once). */
export type HashAndStore = (
  blob: Blob,
  onProgress: (loaded: number) => void,
) => Promise<{ sha256: string; file: StoredFile }>;

export interface ImportOptions {
  /** The most memory a guest may have in this lab, MB. */
  maxMemoryMb: number;
  /** What the browser says this origin stores and may store (null: it does not say). */
  estimate: () => Promise<StorageEstimate | null>;
  /** How to hash and write a file (the page uses a worker; default: here, streamed). */
  hashAndStore?: HashAndStore;
  now?: () => number;
}

/**
 * Checks, hashes and stores `file`; returns its stored description. Refusals are UserErrors
 * saying why (not bootable, truncated, too much memory, no room).
 */
export async function importImage(
  storage: ImageStorage,
  file: File,
  choices: ImportChoices,
  onProgress: (progress: ImportProgress) => void,
  options: ImportOptions,
): Promise<StoredImage> {
  if (file.size > MAX_IMAGE_BYTES) {
    throw new UserError('media.error.tooLarge', { size: mb(file.size), max: mb(MAX_IMAGE_BYTES) });
  }
  const detection = await inspectImage(file);
  if (detection.problem) throw new UserError('media.error.notBootable', { name: file.name });
  if (!detection.usableAs.includes(choices.device)) {
    throw new UserError('media.error.wrongDevice', { name: file.name, device: choices.device });
  }
  const initrd = choices.device === 'kernel' ? choices.initrd : null;
  const least = minimumMemoryMb(choices.device, initrd?.size ?? 0);
  if (
    !Number.isSafeInteger(choices.memoryMb) ||
    choices.memoryMb < least ||
    choices.memoryMb > options.maxMemoryMb
  ) {
    throw new UserError('media.error.memory', {
      memory: choices.memoryMb,
      least,
      most: options.maxMemoryMb,
    });
  }
  const needed = file.size + (initrd?.size ?? 0);
  const estimate = await options.estimate();
  // Browsers refuse writes before their estimate says they will: room is left (failure.ts).
  const available = estimate && Math.max(0, estimate.free - storageReserve(estimate.quota));
  if (available !== null && needed > available) {
    throw new UserError('media.error.quota', { size: mb(needed), available: mb(available) });
  }

  const total = needed;
  const store: HashAndStore =
    options.hashAndStore ??
    (async (blob, progress) => {
      const { sha256, file } = await streamBlob(blob, progress, storage);
      return { sha256, file: file! };
    });
  /** Files written but not adopted yet: dropped if adding fails. */
  const pending = new Set<StoredFile>();
  const add = async (blob: Blob, before: number) => {
    const { sha256, file } = await store(blob, (loaded) =>
      onProgress({ phase: 'hashing', loaded: before + loaded, total }),
    );
    pending.add(file);
    return { sha256, file };
  };
  const adopt = async ({ sha256, file }: { sha256: string; file: StoredFile }) => {
    await storage.adopt(sha256, file);
    pending.delete(file);
  };
  try {
    const main = await add(file, 0);
    // The same bytes under another name would replace that guest's entry: say where it is instead.
    const twin = (await storage.list()).images.find((i) => i.sha256 === main.sha256);
    if (twin) throw new UserError('media.error.duplicate', { name: twin.name });
    const second = initrd ? await add(initrd, file.size) : null;
    onProgress({ phase: 'storing', loaded: 0, total });
    await adopt(main);
    if (second) await adopt(second);
    const image: StoredImage = {
      format: 1,
      sha256: main.sha256,
      name: cleanName(file.name, 255) ?? 'image',
      size: file.size,
      device: choices.device,
      memoryMb: choices.memoryMb,
      cmdline: choices.device === 'kernel' ? choices.cmdline.slice(0, 2048) : '',
      initrd:
        initrd && second
          ? {
              sha256: second.sha256,
              name: cleanName(initrd.name, 255) ?? 'initrd',
              size: initrd.size,
            }
          : null,
      summary: detection.facts.map((f) => f.key).join(' '),
      addedAt: options.now?.() ?? Date.now(),
    };
    await storage.put(image);
    onProgress({ phase: 'storing', loaded: total, total });
    return image;
  } catch (error) {
    for (const file of pending) await storage.discard(file).catch(() => undefined);
    throw refusalToUser(error, needed, estimate);
  }
}

/**
 * A write the browser refused, told with its cause and figures, or a file that changed while
 * read; any other error as it is.
 */
function refusalToUser(error: unknown, size: number, estimate: StorageEstimate | null): unknown {
  if (
    error instanceof BlobChangedError ||
    (error instanceof RpcError && error.code === BlobChangedError.code)
  )
    return new UserError('media.error.changed', {});
  const written = error instanceof StorageWriteError ? error.written : 0;
  const refusal = storageRefusalOf(error);
  if (!refusal) return error;
  const figures = { written: mb(written), size: mb(size) };
  if (refusal.kind === 'refused')
    return new UserError('media.error.refused', { ...figures, name: refusal.name });
  return estimate
    ? new UserError('media.error.quotaHit', { ...figures, free: mb(estimate.free) })
    : new UserError('media.error.quotaHitUnknown', figures);
}
