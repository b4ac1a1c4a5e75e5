// The snapshot worker: the snapshot codec (codec.ts), off the main thread.
import { serveSnapshotCodec } from './codec';
import type { RpcPort } from '../../common/rpc/rpc';

serveSnapshotCodec(self as unknown as RpcPort);
