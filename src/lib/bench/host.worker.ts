// Runs one workload of the WebAssembly build of aula-bench, off the page's main thread, and
// times it here, next to the work.
import { messageOf } from '../errors';
import type { FromHostWorker, ToHostWorker } from './hostProtocol';

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

const post = (message: FromHostWorker) => (self as unknown as Worker).postMessage(message);

self.onmessage = async (event: MessageEvent<ToHostWorker>) => {
  const { id, module, workload } = event.data;
  try {
    instance ??= await WebAssembly.instantiate(module, imports);
    const run = instance.exports['run'] as (workload: number, scale: number) => number;
    const start = performance.now();
    const sum = run(workload, 1) >>> 0;
    post({ type: 'done', id, ms: performance.now() - start, sum });
  } catch (error) {
    post({ type: 'failed', id, message: messageOf(error) });
  }
};
