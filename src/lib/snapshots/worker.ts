// The snapshot worker: hashing, chunking and (de)compression, off the main thread.
import { messageOf } from '../errors';
import { gunzip, gunzipAtMost, gzip, OutputTooLargeError, sha256Hex } from '../bytes/codec';
import { SnapshotError } from './format';
import { packState, unpackState } from './packing';
import type { WorkerOps, WorkerRequest, WorkerResponse } from './protocol';

/**
 * The raw state of the snapshot saved last, kept (it was handed over for packing anyway): the
 * lesson's "save, break it, restore" restores it from memory, as fast as v86's own
 * restore_state, instead of reading, inflating and checking every chunk again. One state at most.
 */
let recent: { sha256: string; state: Uint8Array<ArrayBuffer> } | null = null;

const handlers: {
  [K in keyof WorkerOps]: (args: WorkerOps[K]['args']) => Promise<WorkerOps[K]['result']>;
} = {
  pack: async ({ state, gzipped, known }) => {
    const raw = gzipped ? await gunzip(new Uint8Array(state)) : new Uint8Array(state);
    const packed = await packState(raw, new Set(known));
    if (!gzipped) recent = { sha256: packed.stateSha256, state: raw };
    return packed;
  },
  recall: ({ stateSha256, stateSize }) =>
    Promise.resolve(
      recent?.sha256 === stateSha256 && recent.state.byteLength === stateSize
        ? recent.state.slice().buffer
        : null,
    ),
  unpack: ({ chunks, order, stateSize }) => unpackState(chunks, order, stateSize),
  gzip: ({ data }) => gzip(new Uint8Array(data)),
  gunzip: async ({ data, limit }) => {
    try {
      return (await gunzipAtMost(data, limit)).buffer;
    } catch (error) {
      if (error instanceof OutputTooLargeError) throw new SnapshotError({ code: 'tooLarge' });
      throw error;
    }
  },
  sha256: ({ data }) => sha256Hex(data),
};

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const { id, op, args } = event.data;
  let response: WorkerResponse;
  try {
    const run = handlers[op] as (a: typeof args) => Promise<WorkerOps[typeof op]['result']>;
    response = { id, ok: true, result: await run(args) };
  } catch (error) {
    response = {
      id,
      ok: false,
      problem: error instanceof SnapshotError ? error.problem : null,
      message: messageOf(error),
    };
  }
  const transfer = response.ok && response.result instanceof ArrayBuffer ? [response.result] : [];
  (self as unknown as Worker).postMessage(response, transfer);
};
