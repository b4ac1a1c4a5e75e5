// What the host benchmark worker (host.worker.ts) answers, over the lab's one RPC.

export type HostBenchOps = {
  /** Runs one workload (its index in WORKLOADS) of the compiled aula-bench module, timed there. */
  run: {
    args: { module: WebAssembly.Module; workload: number };
    result: { ms: number; sum: number };
  };
};
