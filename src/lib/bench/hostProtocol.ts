// Messages between the page and the host benchmark worker (host.worker.ts).

export type ToHostWorker = {
  type: 'run';
  id: number;
  module: WebAssembly.Module;
  workload: number;
};

export type FromHostWorker =
  | { type: 'done'; id: number; ms: number; sum: number }
  | { type: 'failed'; id: number; message: string };
