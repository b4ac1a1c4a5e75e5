// The Machine's handle on one emulator worker: the few v86 calls it makes, over the lab's RPC.
// `Emulator` is the interface the Machine uses (unit tests give it a fake).
import { RpcClient } from '../../common/rpc/rpc';
import type {
  CounterReading,
  EmulatorEvents,
  EmulatorMethods,
  EmulatorSetup,
  PowerOnConfig,
  SharedChanges,
} from '../../common/protocol/emulator';
import type { ScreenFrame } from '../../common/screen/frames';
import type { StateRequest } from '../../common/protocol/emulator';
import { takeEarlyEmulator } from './earlyEmulator';

/** What the worker reports without being asked. */
export interface EmulatorListener {
  /** Bytes the guest wrote to its serial console, with the instruction counter then. */
  output(bytes: Uint8Array, reading: CounterReading): void;
  counter(reading: CounterReading): void;
  /** A line from the guest's control port (ttyS1). */
  control(line: string): void;
  /** Ethernet frames the guest's network card sent. */
  frames(frames: Uint8Array[]): void;
  /** A screen guest's picture changed. */
  screen(frame: ScreenFrame): void;
  /** The guest restarted a PC resumed from a state: it must be booted from its images. */
  reboot(): void;
  /** The emulator failed (v86 threw, or the worker died). */
  crash(message: string): void;
  /** v86's WebAssembly could not be downloaded or compiled. */
  wasmFailed(message: string): void;
  /** The WebAssembly compiled from its URL, for the next worker. */
  compiled(module: WebAssembly.Module): void;
  /** A saved state given to powerOn() is restored and running. */
  resumed(): void;
  /** A state given with `parked` is restored and waits for run(). */
  parked(): void;
  stateProgress(loaded: number, total: number): void;
  /** The pre-booted state it downloaded, checked, as served: for later resets. */
  stateFetched(served: ArrayBuffer, gzipped: boolean): void;
  /** The pre-booted state could not be had; nothing was powered on. */
  stateFailed(kind: 'missing' | 'corrupt', message: string): void;
}

export interface Emulator {
  /** Starts downloading the pre-booted state, for a power-on to come (`fetchedState`). */
  fetchState(request: StateRequest): void;
  /** Creates the v86 instance: a cold boot from images, or a saved state resumed. */
  powerOn(config: PowerOnConfig): void;
  sendSerial(port: number, bytes: Uint8Array<ArrayBuffer>): void;
  /** Delivers Ethernet frames to the guest's network card (they are transferred). */
  receiveFrames(frames: Uint8Array<ArrayBuffer>[]): void;
  /** PC keyboard scancodes (set 1) for a screen guest. */
  sendKeys(codes: number[]): void;
  /** Mouse movement and buttons for a screen guest. */
  sendMouse(move: EmulatorMethods['mouse']['args']): void;
  /** Asks for the whole picture in the next screen frame. */
  redrawScreen(): void;
  /** The shared folder (9p, the guest's /mnt/host). */
  putFile(name: string, bytes: Uint8Array<ArrayBuffer>): Promise<void>;
  getFile(name: string): Promise<Blob>;
  sharedChanges(since: number): Promise<SharedChanges>;
  /** Bytes written to the boot disk's overlay. */
  diskChanges(): Promise<number>;
  stop(): Promise<void>;
  run(): Promise<void>;
  saveState(): Promise<ArrayBuffer>;
  restoreState(state: ArrayBuffer): Promise<void>;
  setJit(enabled: boolean): Promise<void>;
  /** Ends the worker and the machine in it at once (nothing in it needs saving). */
  destroy(): void;
}

export type CreateEmulator = (setup: EmulatorSetup, listener: EmulatorListener) => Emulator;

export class EmulatorClient implements Emulator {
  #rpc: RpcClient<EmulatorMethods, EmulatorEvents>;

  /**
   * Starts the worker, which loads v86 and its WebAssembly straight away, while the page is
   * still fetching the guest: powerOn() then finds them ready. Or takes over the worker
   * index.html started (set up already), with what it reported before anyone listened.
   */
  constructor(setup: EmulatorSetup, listener: EmulatorListener) {
    const early = takeEarlyEmulator();
    const worker =
      early?.worker ??
      new Worker(new URL('../../worker/emulator/emulator.worker.ts', import.meta.url), {
        type: 'module',
      });
    const rpc = (this.#rpc = new RpcClient(worker));
    rpc.on('output', ({ bytes, reading }) => listener.output(bytes, reading));
    rpc.on('counter', (reading) => listener.counter(reading));
    rpc.on('control', (line) => listener.control(line));
    rpc.on('frames', (frames) => listener.frames(frames));
    rpc.on('screen', (frame) => listener.screen(frame));
    rpc.on('reboot', () => listener.reboot());
    rpc.on('wasmFailed', (message) => listener.wasmFailed(message));
    rpc.on('compiled', (module) => listener.compiled(module));
    rpc.on('resumed', () => listener.resumed());
    rpc.on('parked', () => listener.parked());
    rpc.on('stateProgress', ({ loaded, total }) => listener.stateProgress(loaded, total));
    rpc.on('stateFetched', ({ served, gzipped }) => listener.stateFetched(served, gzipped));
    rpc.on('stateFailed', ({ kind, message }) => listener.stateFailed(kind, message));
    rpc.onCrash((error) => listener.crash(error.message));
    if (early) {
      worker.onmessage = null; // index.html's buffering ends here: the client listens now
      rpc.replay(early.messages.splice(0));
    } else rpc.notify('setup', setup);
  }

  fetchState(request: StateRequest): void {
    this.#rpc.notify('fetchState', request);
  }

  powerOn(config: PowerOnConfig): void {
    const boot = config.boot;
    const transfer = boot
      ? [boot.bios, boot.kernel, boot.initrd, boot.vgaBios].filter((b) => b !== null)
      : config.state
        ? [config.state]
        : [];
    this.#rpc.notify('create', config, transfer);
  }

  sendSerial(port: number, bytes: Uint8Array<ArrayBuffer>): void {
    this.#rpc.notify('serial', { port, bytes }, [bytes.buffer]);
  }

  receiveFrames(frames: Uint8Array<ArrayBuffer>[]): void {
    this.#rpc.notify(
      'receiveFrames',
      frames,
      frames.map((f) => f.buffer),
    );
  }

  sendKeys(codes: number[]): void {
    this.#rpc.notify('keys', codes);
  }
  sendMouse(move: EmulatorMethods['mouse']['args']): void {
    this.#rpc.notify('mouse', move);
  }
  redrawScreen(): void {
    this.#rpc.notify('redrawScreen', null);
  }
  putFile(name: string, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
    return this.#rpc.call('putFile', { name, bytes }, { transfer: [bytes.buffer] });
  }
  getFile(name: string): Promise<Blob> {
    return this.#rpc.call('getFile', name);
  }
  sharedChanges(since: number): Promise<SharedChanges> {
    return this.#rpc.call('sharedChanges', since);
  }
  diskChanges(): Promise<number> {
    return this.#rpc.call('diskChanges', null);
  }
  stop(): Promise<void> {
    return this.#rpc.call('stop', null);
  }
  run(): Promise<void> {
    return this.#rpc.call('run', null);
  }
  saveState(): Promise<ArrayBuffer> {
    return this.#rpc.call('save', null);
  }
  restoreState(state: ArrayBuffer): Promise<void> {
    return this.#rpc.call('restore', state, { transfer: [state] });
  }
  setJit(enabled: boolean): Promise<void> {
    return this.#rpc.call('setJit', enabled);
  }
  destroy(): void {
    this.#rpc.terminate();
  }
}

export const createWorkerEmulator: CreateEmulator = (setup, listener) =>
  new EmulatorClient(setup, listener);
