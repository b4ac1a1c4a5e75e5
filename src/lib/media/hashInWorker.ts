// Hashing and writing a boot image in a worker of its own (hash.worker.ts), started for one file
// and ended after it: adding an image is rare, and the page's heap stays out of it.
import { RpcClient } from '../../common/rpc/rpc';
import type { HashEvents, HashMethods } from '../../common/protocol/images';
import type { HashAndStore } from './importImage';
import { StorageWriteError } from '../../common/storage/failure';

/** A HashAndStore writing into the IndexedDB database `database` (IdbImageStorage's). */
export const storeInWorker =
  (database: string): HashAndStore =>
  async (blob, onProgress) => {
    const worker = new Worker(new URL('../../worker/images/hash.worker.ts', import.meta.url), {
      type: 'module',
    });
    const rpc = new RpcClient<HashMethods, HashEvents>(worker);
    rpc.on('progress', onProgress);
    try {
      return await rpc.call('store', { blob, database });
    } catch (error) {
      throw StorageWriteError.fromFailure(error) ?? error;
    } finally {
      rpc.terminate();
    }
  };
