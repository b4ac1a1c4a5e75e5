// Adds the user's boot images off the page: the file streams through this worker, which hashes
// it and writes it into IndexedDB in parts; its bytes never touch the page's heap, and only the
// digest and where the parts are go back.
import { serveRpc, workerScope, type Handlers } from '../../common/rpc/rpc';
import type { HashEvents, HashMethods } from '../../common/protocol/images';
import { BlobChangedError, streamBlob } from '../../common/images/streamBlob';
import { IdbImageStorage } from '../../common/images/ImageStore';
import { StorageWriteError } from '../../common/storage/failure';

const handlers: Handlers<HashMethods> = {
  store: async ({ blob, database }) => {
    const storage = await IdbImageStorage.open(database);
    if (!storage) throw new Error('IndexedDB is not available to the image worker');
    let shownAt = 0;
    const { sha256, file } = await streamBlob(
      blob,
      (loaded) => {
        const now = performance.now();
        if (now - shownAt < 50 && loaded < blob.size) return;
        shownAt = now;
        report.emit('progress', loaded);
      },
      storage,
    );
    return { sha256, file: file! };
  },
};

// A refused write crosses with the browser's name for it and the bytes written (failure.ts).
const report = serveRpc<HashMethods, HashEvents>(workerScope(), handlers, (error) =>
  error instanceof StorageWriteError
    ? error.toFailure()
    : error instanceof BlobChangedError
      ? { code: BlobChangedError.code, message: error.message }
      : null,
);
