// The snapshot codec: hashing, chunking and (de)compression, as the methods the snapshot worker
// serves (worker.ts); unit tests serve them on a MessageChannel instead.
import {
  gunzip,
  gunzipAtMost,
  gzip,
  OutputTooLargeError,
  sha256Hex,
} from '../../common/bytes/codec';
import { SnapshotError } from '../../common/snapshots/format';
import {
  compressChunksOf,
  damagedChunks,
  packState,
  unpackState,
} from '../../common/snapshots/packing';
import { SNAPSHOT_FAILURE, type WorkerOps } from '../../common/protocol/snapshots';
import { serveRpc, transfer, type Handlers, type RpcPort } from '../../common/rpc/rpc';

/**
 * The raw state of the snapshot saved last, kept (it was handed over for packing anyway): the
 * lesson's "save, break it, restore" restores it from memory, as fast as v86's own
 * restore_state, instead of reading, inflating and checking every chunk again. One state at most.
 */
let recent: { sha256: string; state: Uint8Array<ArrayBuffer> } | null = null;

const moved = (buffer: ArrayBuffer) => transfer(buffer, [buffer]);

const handlers: Handlers<WorkerOps> = {
  pack: async ({ state, gzipped, known }) => {
    const raw = gzipped ? await gunzip(new Uint8Array(state)) : new Uint8Array(state);
    const packed = await packState(raw, new Set(known));
    if (!gzipped) recent = { sha256: packed.stateSha256, state: raw };
    return packed;
  },
  verify: ({ chunks }) => damagedChunks(chunks),
  compressChunks: async ({ stateSha256, hashes }) => {
    if (recent?.sha256 !== stateSha256) throw new Error('that state is no longer here to compress');
    return compressChunksOf(recent.state, new Set(hashes));
  },
  recall: ({ stateSha256, stateSize }) =>
    Promise.resolve(
      recent?.sha256 === stateSha256 && recent.state.byteLength === stateSize
        ? moved(recent.state.slice().buffer)
        : null,
    ),
  unpack: async ({ chunks, order, stateSize }) =>
    moved(await unpackState(chunks, order, stateSize)),
  gzip: ({ data }) => gzip(new Uint8Array(data)),
  gunzip: async ({ data, limit }) => {
    try {
      return moved((await gunzipAtMost(data, limit)).buffer);
    } catch (error) {
      if (error instanceof OutputTooLargeError) throw new SnapshotError({ code: 'tooLarge' });
      throw error;
    }
  },
  sha256: ({ data }) => sha256Hex(data),
};

/** Serves the codec on `port`; a SnapshotError crosses as a typed failure. */
export function serveSnapshotCodec(port: RpcPort): void {
  serveRpc(port, handlers, (error) =>
    error instanceof SnapshotError
      ? { code: SNAPSHOT_FAILURE, message: error.message, detail: error.problem }
      : null,
  );
}
