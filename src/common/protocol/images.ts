// The image worker's one call (over the lab's RPC, workers/rpc.ts): a Blob read as a stream in
// the worker, hashed and written into the image store's IndexedDB in parts, with progress. A
// Blob crosses to a worker as a handle, not a copy.
import type { StoredFile } from '../images/ImageStore';

export type HashMethods = {
  store: { args: { blob: Blob; database: string }; result: { sha256: string; file: StoredFile } };
};

export type HashEvents = {
  /** Bytes hashed so far. */
  progress: number;
};
