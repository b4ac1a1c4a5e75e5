// The snapshot worker: hashing, chunking and (de)compression, off the main thread.
import { messageOf } from '../errors';
import { gunzip, gunzipAtMost, gzip, OutputTooLargeError, sha256Hex } from '../bytes/codec';
import { SnapshotError } from './format';
import { packState, unpackState } from './packing';
import type { WorkerOps, WorkerRequest, WorkerResponse } from './protocol';

const handlers: {
  [K in keyof WorkerOps]: (args: WorkerOps[K]['args']) => Promise<WorkerOps[K]['result']>;
} = {
  pack: async ({ state, gzipped, known }) =>
    packState(
      gzipped ? await gunzip(new Uint8Array(state)) : new Uint8Array(state),
      new Set(known),
    ),
  unpack: ({ chunks, hashes, stateSha256, stateSize }) =>
    unpackState(chunks, hashes, stateSha256, stateSize),
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
