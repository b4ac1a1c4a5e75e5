// The page's side of the snapshot worker: typed requests, promises for answers, one dispose().
import { SnapshotError } from './format';
import type { WorkerOp, WorkerOps, WorkerResponse } from './protocol';
import { PendingCalls } from '../workers/PendingCalls';

export class SnapshotWorker {
  #worker: Worker | null = null;
  #pending = new PendingCalls<unknown>();

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const response = event.data;
      if (response.ok) this.#pending.resolve(response.id, response.result);
      else if (response.problem)
        this.#pending.reject(response.id, new SnapshotError(response.problem));
      else this.#pending.reject(response.id, new Error(response.message));
    };
    worker.onerror = (event) => {
      this.#pending.rejectAll(new Error(event.message || 'worker failed'));
      this.dispose();
    };
    this.#worker = worker;
    return worker;
  }

  /** Starts the worker ahead of its first job, so a first save does not wait for it to load. */
  warmUp(): void {
    this.#start();
  }

  request<K extends WorkerOp>(
    op: K,
    args: WorkerOps[K]['args'],
    transfer: Transferable[] = [],
  ): Promise<WorkerOps[K]['result']> {
    const worker = this.#start();
    const { id, reply } = this.#pending.open();
    worker.postMessage({ id, op, args }, transfer);
    return reply as Promise<WorkerOps[K]['result']>;
  }

  dispose(): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.#pending.rejectAll(new Error('the snapshot worker was stopped'));
  }
}
