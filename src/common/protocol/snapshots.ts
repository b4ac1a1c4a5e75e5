// What the snapshot worker (worker.ts) answers, over the lab's one RPC (workers/rpc.ts).
import type { PackedState } from '../snapshots/packing';

export type WorkerOps = {
  /** Chunk, hash and compress a raw state; chunks in `known` are not compressed again. */
  /** (`gzipped`: the state comes gzipped, as the pre-booted state is served.) */
  pack: { args: { state: ArrayBuffer; gzipped?: boolean; known: string[] }; result: PackedState };
  /** Verify and reassemble a state from its compressed chunks. */
  unpack: {
    args: {
      /** Each distinct chunk, compressed, by its hash (undefined: not stored). */
      chunks: Map<string, Uint8Array<ArrayBuffer> | undefined>;
      /** The chunks' hashes in the state's order (a hash may repeat). */
      order: string[];
      stateSize: number;
    };
    result: ArrayBuffer;
  };
  /** The chunks among `chunks` that are damaged or missing (each inflated and hashed). */
  verify: { args: { chunks: Map<string, Uint8Array<ArrayBuffer> | undefined> }; result: string[] };
  /**
   * Compressed anew: chunks of the state packed last (`stateSha256`), whose stored copies were
   * found damaged, so a save writes them again instead of reusing them.
   */
  compressChunks: {
    args: { stateSha256: string; hashes: string[] };
    result: Array<{ hash: string; data: Uint8Array<ArrayBuffer> }>;
  };
  /** A copy of the last saved state, if it is the one asked for (else null: unpack it). */
  recall: { args: { stateSha256: string; stateSize: number }; result: ArrayBuffer | null };
  gzip: { args: { data: ArrayBuffer }; result: Uint8Array<ArrayBuffer> };
  /** At most `limit` bytes of output, else SnapshotError 'tooLarge'. */
  gunzip: { args: { data: Uint8Array<ArrayBuffer>; limit: number }; result: ArrayBuffer };
  sha256: { args: { data: ArrayBuffer }; result: string };
};

/** The failure code a SnapshotError crosses with (its problem is the detail). */
export const SNAPSHOT_FAILURE = 'snapshot';
