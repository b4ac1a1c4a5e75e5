// Adding a boot image of the user's: what the file is (detect.ts), whether it fits (memory,
// storage quota: refused before anything is written), its SHA-256 computed as the file streams
// by (a 700 MB ISO is never held in memory), then the file stored once under that hash.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { UserError } from '../notices/notice';
import { detectImage, HEAD_BYTES, type BootDevice, type Detection } from './detect';
import type { ImageStorage, StoredImage } from './ImageStore';

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
  const hash = sha256.create();
  const reader = blob.stream().getReader();
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    hash.update(value);
    loaded += value.length;
    onProgress(loaded);
  }
  if (loaded !== blob.size) throw new UserError('media.error.changed', {});
  return bytesToHex(hash.digest());
}

export interface ImportOptions {
  /** The most memory a guest may have in this lab, MB. */
  maxMemoryMb: number;
  /** Free storage, bytes (navigator.storage.estimate(); null: unknown). */
  available: () => Promise<number | null>;
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
  const available = await options.available();
  if (available !== null && needed > available) {
    throw new UserError('media.error.quota', { size: mb(needed), available: mb(available) });
  }

  const total = needed;
  const hashOf = async (blob: Blob, before: number) =>
    sha256OfBlob(blob, (loaded) =>
      onProgress({ phase: 'hashing', loaded: before + loaded, total }),
    );
  const sha = await hashOf(file, 0);
  const initrdSha = initrd ? await hashOf(initrd, file.size) : null;
  onProgress({ phase: 'storing', loaded: 0, total });
  const image: StoredImage = {
    format: 1,
    sha256: sha,
    name: file.name.slice(0, 255) || 'image',
    size: file.size,
    device: choices.device,
    memoryMb: choices.memoryMb,
    cmdline: choices.device === 'kernel' ? choices.cmdline.slice(0, 2048) : '',
    initrd:
      initrd && initrdSha
        ? { sha256: initrdSha, name: initrd.name.slice(0, 255) || 'initrd', size: initrd.size }
        : null,
    summary: detection.facts.map((f) => f.key).join(' '),
    addedAt: options.now?.() ?? Date.now(),
  };
  const files = [{ sha256: sha, blob: file as Blob }];
  if (initrd && initrdSha) files.push({ sha256: initrdSha, blob: initrd });
  const fresh = [];
  for (const f of files) if (!(await storage.blob(f.sha256))) fresh.push(f);
  await storage.put(image, fresh);
  onProgress({ phase: 'storing', loaded: total, total });
  return image;
}
