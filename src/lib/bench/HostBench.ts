// The host side of the benchmark: the WebAssembly build of aula-bench, verified against the
// manifest, run in its own Worker. Disposed (worker terminated) when the benchmark ends.
import { loadImage } from '../guest/loadImage';
import type { ManifestFile } from '../guest/manifest';
import { RpcClient } from '../../common/rpc/rpc';
import type { HostBenchOps } from '../../common/protocol/hostBench';
import { WORKLOADS, type RunResult, type Workload } from './workloads';

export class HostBench {
  #rpc: RpcClient<HostBenchOps, Record<string, never>>;
  #module: Promise<WebAssembly.Module>;

  constructor(imagesBase: URL, file: ManifestFile) {
    this.#module = loadImage(imagesBase, file, () => undefined).then((bytes) =>
      WebAssembly.compile(bytes),
    );
    this.#module.catch(() => undefined); // reported by run()
    const worker = new Worker(new URL('../../worker/bench/host.worker.ts', import.meta.url), {
      type: 'module',
    });
    this.#rpc = new RpcClient(worker);
  }

  async run(workload: Workload): Promise<RunResult> {
    const module = await this.#module;
    const { ms, sum } = await this.#rpc.call('run', {
      module,
      workload: WORKLOADS.indexOf(workload),
    });
    return { ms, sum: sum.toString(16).padStart(8, '0') };
  }

  dispose(): void {
    this.#rpc.terminate();
  }
}
