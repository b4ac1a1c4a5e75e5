// The host side of the benchmark: the WebAssembly build of aula-bench, verified against the
// manifest, run in its own Worker. Disposed (worker terminated) when the benchmark ends.
import { loadImage } from '../guest/loadImage';
import type { ManifestFile } from '../guest/manifest';
import { PendingCalls } from '../workers/PendingCalls';
import type { FromHostWorker, ToHostWorker } from './hostProtocol';
import { WORKLOADS, type RunResult, type Workload } from './workloads';

export class HostBench {
  #worker: Worker;
  #calls = new PendingCalls<RunResult>();
  #module: Promise<WebAssembly.Module>;

  constructor(imagesBase: URL, file: ManifestFile) {
    this.#module = loadImage(imagesBase, file, () => undefined).then((bytes) =>
      WebAssembly.compile(bytes),
    );
    this.#module.catch(() => undefined); // reported by run()
    this.#worker = new Worker(new URL('./host.worker.ts', import.meta.url), { type: 'module' });
    this.#worker.onmessage = (event: MessageEvent<FromHostWorker>) => {
      const m = event.data;
      if (m.type === 'done') {
        this.#calls.resolve(m.id, { ms: m.ms, sum: m.sum.toString(16).padStart(8, '0') });
      } else this.#calls.reject(m.id, new Error(m.message));
    };
    this.#worker.onerror = (event) => {
      event.preventDefault();
      this.#calls.rejectAll(new Error(event.message || 'the host benchmark worker failed'));
    };
  }

  async run(workload: Workload): Promise<RunResult> {
    const module = await this.#module;
    const { id, reply } = this.#calls.open();
    const message: ToHostWorker = {
      type: 'run',
      id,
      module,
      workload: WORKLOADS.indexOf(workload),
    };
    this.#worker.postMessage(message);
    return reply;
  }

  dispose(): void {
    this.#worker.terminate();
    this.#calls.rejectAll(new Error('host benchmark stopped'));
  }
}
