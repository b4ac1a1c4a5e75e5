// The typed messages between the page and the snapshot worker (worker.ts).
import type { SnapshotProblem } from './format';
import type { PackedState } from './packing';

export interface WorkerOps {
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
  /** A copy of the last saved state, if it is the one asked for (else null: unpack it). */
  recall: { args: { stateSha256: string; stateSize: number }; result: ArrayBuffer | null };
  gzip: { args: { data: ArrayBuffer }; result: Uint8Array<ArrayBuffer> };
  /** At most `limit` bytes of output, else SnapshotError 'tooLarge'. */
  gunzip: { args: { data: Uint8Array<ArrayBuffer>; limit: number }; result: ArrayBuffer };
  sha256: { args: { data: ArrayBuffer }; result: string };
}

export type WorkerOp = keyof WorkerOps;

export type WorkerRequest = {
  [K in WorkerOp]: { id: number; op: K; args: WorkerOps[K]['args'] };
}[WorkerOp];

export type WorkerResponse =
  | { id: number; ok: true; result: WorkerOps[WorkerOp]['result'] }
  | { id: number; ok: false; problem: SnapshotProblem | null; message: string };
