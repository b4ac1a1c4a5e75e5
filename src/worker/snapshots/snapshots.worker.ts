// The snapshot worker: the snapshot codec (codec.ts), off the main thread.
import { serveSnapshotCodec } from './codec';
import { workerScope } from '../../common/rpc/rpc';

serveSnapshotCodec(workerScope());
