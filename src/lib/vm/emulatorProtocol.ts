// Messages between the Machine (page) and the emulator worker (emulator.worker.ts).
import type { StateRequest } from './stateDownload';

/**
 * What the worker prepares as soon as it starts, before the guest's images are known: v86's
 * library and its WebAssembly (a module compiled earlier, or the URL to fetch and compile).
 */
export interface EmulatorSetup {
  libraryUrl: string;
  wasm: WebAssembly.Module | string;
}

/** What to power on: v86 options that can cross to the worker (everything but functions). */
export interface PowerOnConfig {
  memoryBytes: number;
  /** Power on from the BIOS with these images… */
  boot?: { bios: ArrayBuffer; kernel: ArrayBuffer; initrd: ArrayBuffer; cmdline: string };
  /** …or resume this saved state (the images are in its memory already)… */
  state?: ArrayBuffer;
  /** …gzipped (the pre-booted state as served: the worker decodes it, not the page)… */
  stateGzipped?: boolean;
  /** …or the pre-booted state this worker downloads (see 'fetchState'). */
  fetchedState?: StateRequest;
}

export type ToWorker =
  | { type: 'setup'; setup: EmulatorSetup }
  | { type: 'create'; config: PowerOnConfig }
  /** Start downloading the pre-booted state now, before the power-on that resumes it. */
  | { type: 'fetchState'; request: StateRequest }
  | { type: 'serial'; port: number; bytes: Uint8Array<ArrayBuffer> }
  | { type: 'call'; id: number; method: 'stop' | 'run' | 'save' }
  | { type: 'call'; id: number; method: 'restore'; state: ArrayBuffer }
  | { type: 'call'; id: number; method: 'setJit'; enabled: boolean };

/** A reading of v86's 32-bit instruction counter, and when it was taken (ms since the epoch). */
export interface CounterReading {
  value: number;
  at: number;
}

export type FromWorker =
  /** The WebAssembly compiled from a URL: later workers can be given the module itself. */
  | { type: 'compiled'; module: WebAssembly.Module }
  | { type: 'wasmFailed'; message: string }
  | { type: 'output'; bytes: Uint8Array<ArrayBuffer>; reading: CounterReading }
  | { type: 'counter'; reading: CounterReading }
  | { type: 'crash'; message: string }
  /** A saved state given at creation is restored and running. */
  | { type: 'resumed' }
  | { type: 'stateProgress'; loaded: number; total: number }
  /** The downloaded state, checked, as served (gzipped): the page keeps it for resets. */
  | { type: 'stateFetched'; served: ArrayBuffer; gzipped: boolean }
  /** The pre-booted state could not be had: nothing was powered on. */
  | { type: 'stateFailed'; kind: 'missing' | 'corrupt'; message: string }
  | { type: 'reply'; id: number; ok: true; state?: ArrayBuffer; counter: CounterReading }
  | { type: 'reply'; id: number; ok: false; message: string };
