// The page's side of the snapshot worker: started on first use, its typed failures turned back
// into SnapshotErrors, one dispose().
import { SnapshotError, type SnapshotProblem } from '../../common/snapshots/format';
import { SNAPSHOT_FAILURE, type WorkerOps } from '../../common/protocol/snapshots';
import { RpcClient, RpcError, type RpcPort } from '../../common/rpc/rpc';

type Port = RpcPort & { terminate?(): void };
const startWorker = (): Port =>
  new Worker(new URL('../../worker/snapshots/snapshots.worker.ts', import.meta.url), {
    type: 'module',
  });

export class SnapshotWorker {
  #rpc: RpcClient<WorkerOps, Record<string, never>> | null = null;

  /** `connect`: where the codec runs (a new worker; unit tests serve it on a MessagePort). */
  constructor(private readonly connect: () => Port = startWorker) {}

  #start(): RpcClient<WorkerOps, Record<string, never>> {
    if (this.#rpc) return this.#rpc;
    const rpc = new RpcClient<WorkerOps, Record<string, never>>(this.connect());
    // A dead worker is replaced by a new one at the next request.
    rpc.onCrash(() => {
      if (this.#rpc === rpc) this.#rpc = null;
      rpc.terminate();
    });
    return (this.#rpc = rpc);
  }

  /** Starts the worker ahead of its first job, so a first save does not wait for it to load. */
  warmUp(): void {
    this.#start();
  }

  async request<K extends keyof WorkerOps>(
    op: K,
    args: WorkerOps[K]['args'],
    transfer: Transferable[] = [],
  ): Promise<WorkerOps[K]['result']> {
    try {
      return await this.#start().call(op, args, { transfer });
    } catch (error) {
      if (error instanceof RpcError && error.code === SNAPSHOT_FAILURE) {
        throw new SnapshotError(error.detail as SnapshotProblem);
      }
      throw error;
    }
  }

  dispose(): void {
    this.#rpc?.terminate();
    this.#rpc = null;
  }
}
