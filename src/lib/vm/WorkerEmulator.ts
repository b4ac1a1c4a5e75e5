// The page's handle on the emulator worker: the few v86 calls the Machine makes, as messages.
import { PendingCalls } from '../workers/PendingCalls';
import type {
  CounterReading,
  EmulatorSetup,
  FromWorker,
  PowerOnConfig,
  ToWorker,
} from './emulatorProtocol';
import type { StateRequest } from './stateDownload';
import type { EarlyEmulator } from './earlyEmulator';

/** What the worker reports without being asked. */
export interface EmulatorListener {
  /** Bytes the guest wrote to its serial console, with the instruction counter then. */
  output(bytes: Uint8Array, reading: CounterReading): void;
  /** Every 250 ms, on input, and after each call: v86's raw 32-bit instruction counter. */
  counter(reading: CounterReading): void;
  /** The emulator failed (v86 threw, or the worker died). */
  crash(message: string): void;
  /** v86's WebAssembly could not be downloaded or compiled. */
  wasmFailed(message: string): void;
  /** The WebAssembly compiled from its URL, for the next worker. */
  compiled(module: WebAssembly.Module): void;
  /** A saved state given to powerOn() is restored and running. */
  resumed(): void;
  /** How much of the pre-booted state has downloaded. */
  stateProgress(loaded: number, total: number): void;
  /** The pre-booted state it downloaded, checked, as served: for later resets. */
  stateFetched(served: ArrayBuffer, gzipped: boolean): void;
  /** The pre-booted state could not be had; nothing was powered on. */
  stateFailed(kind: 'missing' | 'corrupt', message: string): void;
}

export class WorkerEmulator {
  #worker: Worker;
  #calls = new PendingCalls<ArrayBuffer | undefined>();

  /**
   * Starts the worker, which loads v86 and its WebAssembly straight away, while the page is
   * still fetching the guest: powerOn() then finds them ready. Or takes over `early`, a worker
   * index.html started (set up already), with the messages it sent before this listened.
   */
  constructor(
    setup: EmulatorSetup,
    listener: EmulatorListener,
    early: EarlyEmulator | null = null,
  ) {
    this.#worker =
      early?.worker ??
      new Worker(new URL('./emulator.worker.ts', import.meta.url), { type: 'module' });
    const receive = (m: FromWorker) => {
      if (m.type === 'output') listener.output(m.bytes, m.reading);
      else if (m.type === 'counter') listener.counter(m.reading);
      else if (m.type === 'crash') listener.crash(m.message);
      else if (m.type === 'wasmFailed') listener.wasmFailed(m.message);
      else if (m.type === 'compiled') listener.compiled(m.module);
      else if (m.type === 'resumed') listener.resumed();
      else if (m.type === 'stateProgress') listener.stateProgress(m.loaded, m.total);
      else if (m.type === 'stateFetched') listener.stateFetched(m.served, m.gzipped);
      else if (m.type === 'stateFailed') listener.stateFailed(m.kind, m.message);
      else if (m.ok) {
        listener.counter(m.counter);
        this.#calls.resolve(m.id, m.state);
      } else this.#calls.reject(m.id, new Error(m.message));
    };
    this.#worker.onmessage = (event: MessageEvent<FromWorker>) => receive(event.data);
    this.#worker.onerror = (event) => {
      const message = event.message || 'the emulator worker failed';
      this.#calls.rejectAll(new Error(message)); // no reply will come: nothing waits forever
      listener.crash(message);
    };
    if (early) for (const message of early.messages.splice(0)) receive(message);
    else this.#post({ type: 'setup', setup });
  }

  /** Starts downloading the pre-booted state, for a power-on to come (`fetchedState`). */
  fetchState(request: StateRequest): void {
    this.#post({ type: 'fetchState', request });
  }

  /** Creates the v86 instance: a cold boot from images, or a saved state resumed. */
  powerOn(config: PowerOnConfig): void {
    const transfer = config.boot
      ? [config.boot.bios, config.boot.kernel, config.boot.initrd]
      : config.state
        ? [config.state]
        : [];
    this.#post({ type: 'create', config }, transfer);
  }

  #post(message: ToWorker, transfer: Transferable[] = []) {
    this.#worker.postMessage(message, transfer);
  }

  #call(
    make: (id: number) => Extract<ToWorker, { type: 'call' }>,
    transfer: Transferable[] = [],
  ): Promise<ArrayBuffer | undefined> {
    const { id, reply } = this.#calls.open();
    this.#post(make(id), transfer);
    return reply;
  }

  sendSerial(port: number, bytes: Uint8Array<ArrayBuffer>): void {
    this.#post({ type: 'serial', port, bytes }, [bytes.buffer]);
  }

  async stop(): Promise<void> {
    await this.#call((id) => ({ type: 'call', id, method: 'stop' }));
  }
  async run(): Promise<void> {
    await this.#call((id) => ({ type: 'call', id, method: 'run' }));
  }
  async saveState(): Promise<ArrayBuffer> {
    const state = await this.#call((id) => ({ type: 'call', id, method: 'save' }));
    if (!state) throw new Error('the emulator returned no state');
    return state;
  }
  async restoreState(state: ArrayBuffer): Promise<void> {
    await this.#call((id) => ({ type: 'call', id, method: 'restore', state }), [state]);
  }
  async setJit(enabled: boolean): Promise<void> {
    await this.#call((id) => ({ type: 'call', id, method: 'setJit', enabled }));
  }
  /** Ends the worker and the machine in it at once (nothing in it needs saving). */
  destroy(): void {
    this.#worker.terminate();
    this.#calls.rejectAll(new Error('emulator destroyed'));
  }
}
