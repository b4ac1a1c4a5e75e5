// The page's side of the snapshot worker: typed requests, promises for answers, one dispose().
import { SnapshotError } from './format';
import type { WorkerOp, WorkerOps, WorkerResponse } from './protocol';

export class SnapshotWorker {
  #worker: Worker | null = null;
  #nextId = 0;
  #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const response = event.data;
      const pending = this.#pending.get(response.id);
      if (!pending) return;
      this.#pending.delete(response.id);
      if (response.ok) pending.resolve(response.result);
      else if (response.problem) pending.reject(new SnapshotError(response.problem));
      else pending.reject(new Error(response.message));
    };
    worker.onerror = (event) => {
      for (const p of this.#pending.values()) p.reject(new Error(event.message || 'worker failed'));
      this.#pending.clear();
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
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, op, args }, transfer);
    });
  }

  dispose(): void {
    this.#worker?.terminate();
    this.#worker = null;
  }
}
