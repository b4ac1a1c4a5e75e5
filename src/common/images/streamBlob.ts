// A Blob read as a stream, on either side of a worker: its SHA-256, and the file written into the
// image store a part at a time as it goes by (a 700 MB ISO is never held in memory).
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { storageRefusalOf, StorageWriteError } from '../storage/failure';
import { PART_BYTES, type ImageStorage, type StoredFile } from './ImageStore';

/** The file's size changed while it was read (it was being written to). */
export class BlobChangedError extends Error {
  override name = 'BlobChangedError';
  /** Its code when it crosses a worker's RPC. */
  static readonly code = 'blobChanged';
  constructor() {
    super('the file changed while it was being read');
  }
}

/**
 * Reads a Blob as a stream: its SHA-256, and (given `storage`) the file written as it goes by,
 * a part at a time, under a new upload id. Neither the file nor a part is ever held twice.
 */
export async function streamBlob(
  blob: Blob,
  onProgress: (loaded: number) => void,
  storage?: ImageStorage,
): Promise<{ sha256: string; file: StoredFile | null }> {
  const hash = sha256.create();
  const reader = blob.stream().getReader();
  const upload = storage ? crypto.randomUUID() : '';
  let parts = 0;
  let part: Uint8Array[] = [];
  let partBytes = 0;
  /** Bytes the store has taken (for a refusal's figures). */
  let stored = 0;
  const flush = async () => {
    if (!storage || partBytes === 0) return;
    await storage.putPart(upload, parts++, new Blob(part as BlobPart[]));
    stored += partBytes;
    part = [];
    partBytes = 0;
  };
  let loaded = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      hash.update(value);
      loaded += value.length;
      if (storage) {
        part.push(value);
        partBytes += value.length;
        if (partBytes >= PART_BYTES) await flush();
      }
      onProgress(loaded);
    }
    await flush();
    if (loaded !== blob.size) throw new BlobChangedError();
  } catch (error) {
    if (storage) await storage.discard({ upload, parts }).catch(() => undefined);
    throw storageRefusalOf(error) ? StorageWriteError.from(error, stored) : error;
  }
  return { sha256: bytesToHex(hash.digest()), file: storage ? { upload, parts } : null };
}
