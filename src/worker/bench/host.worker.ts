// Runs one workload of the WebAssembly build of aula-bench, off the page's main thread, and
// times it here, next to the work.
import { serveRpc, workerScope } from '../../common/rpc/rpc';
import type { HostBenchOps } from '../../common/protocol/hostBench';

let instance: WebAssembly.Instance | null = null;
let umask = 0;

/** The program's one "system call" on the host: a call out of WebAssembly into JavaScript. */
const imports = {
  env: {
    umask(next: number) {
      const previous = umask;
      umask = next;
      return previous;
    },
  },
};

serveRpc<HostBenchOps, Record<string, never>>(workerScope(), {
  run: async ({ module, workload }) => {
    instance ??= await WebAssembly.instantiate(module, imports);
    const run = instance.exports['run'] as (workload: number, scale: number) => number;
    const start = performance.now();
    const sum = run(workload, 1) >>> 0;
    return { ms: performance.now() - start, sum };
  },
});
