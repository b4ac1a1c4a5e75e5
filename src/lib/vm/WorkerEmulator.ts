// The page's handle on the emulator worker: the few v86 calls the Machine makes, as messages.
import { PendingCalls } from '../workers/PendingCalls';
import type { CounterReading, EmulatorConfig, FromWorker, ToWorker } from './emulatorProtocol';

export class WorkerEmulator {
  #worker: Worker;
  #calls = new PendingCalls<ArrayBuffer | undefined>();
  constructor(
    config: EmulatorConfig,
    onOutput: (bytes: Uint8Array, reading: CounterReading) => void,
    onCrash: (message: string) => void,
    /** Every 250 ms, on input, and after each call: v86's raw 32-bit instruction counter. */
    onCounter: (reading: CounterReading) => void,
    onResumed: () => void = () => undefined,
  ) {
    this.#worker = new Worker(new URL('./emulator.worker.ts', import.meta.url), { type: 'module' });
    this.#worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const m = event.data;
      if (m.type === 'output') onOutput(m.bytes, m.reading);
      else if (m.type === 'counter') onCounter(m.reading);
      else if (m.type === 'crash') onCrash(m.message);
      else if (m.type === 'resumed') onResumed();
      else if (m.ok) {
        onCounter(m.counter);
        this.#calls.resolve(m.id, m.state);
      } else this.#calls.reject(m.id, new Error(m.message));
    };
    this.#worker.onerror = (event) => {
      const message = event.message || 'the emulator worker failed';
      this.#calls.rejectAll(new Error(message)); // no reply will come: nothing waits forever
      onCrash(message);
    };
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
  async destroy(): Promise<void> {
    await this.#call((id) => ({ type: 'call', id, method: 'destroy' })).catch(() => undefined);
    this.#worker.terminate();
    this.#calls.rejectAll(new Error('emulator destroyed'));
  }
}
