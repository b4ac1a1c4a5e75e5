// What the emulator worker (emulator.worker.ts) answers and reports, over the lab's one RPC
// (workers/rpc.ts). The Machine's side is EmulatorClient.ts.
import type { NicKind } from './devices.mjs';
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
  /** The machine's network card (the profile's); a saved state restores only with the same. */
  nic: NicKind | null;
  /** Power on from the BIOS with these images… */
  boot?: { bios: ArrayBuffer; kernel: ArrayBuffer; initrd: ArrayBuffer; cmdline: string };
  /** …or resume this saved state (the images are in its memory already)… */
  state?: ArrayBuffer;
  /** …gzipped (the pre-booted state as served: the worker decodes it, not the page)… */
  stateGzipped?: boolean;
  /** …or the pre-booted state this worker downloads (see 'fetchState'). */
  fetchedState?: StateRequest;
  /** Restore the state and stay stopped (no CPU) until 'run': a machine made ready ahead. */
  parked?: boolean;
}

/** A reading of v86's 32-bit instruction counter, and when it was taken (ms since the epoch). */
export interface CounterReading {
  value: number;
  at: number;
}

export type EmulatorMethods = {
  /** Load v86 and compile its WebAssembly now (sent first, as a notification). */
  setup: { args: EmulatorSetup; result: void };
  /** Start downloading the pre-booted state now, before the power-on that resumes it. */
  fetchState: { args: StateRequest; result: void };
  /** Create the v86 instance (a notification: what follows comes as events). */
  create: { args: PowerOnConfig; result: void };
  serial: { args: { port: number; bytes: Uint8Array<ArrayBuffer> }; result: void };
  stop: { args: null; result: void };
  run: { args: null; result: void };
  save: { args: null; result: ArrayBuffer };
  restore: { args: ArrayBuffer; result: void };
  setJit: { args: boolean; result: void };
  /** Ethernet frames for the guest's network card, from the lab's switch (a notification). */
  receiveFrames: { args: Uint8Array<ArrayBuffer>[]; result: void };
};

export type EmulatorEvents = {
  /** The WebAssembly compiled from a URL: later workers can be given the module itself. */
  compiled: WebAssembly.Module;
  wasmFailed: string;
  output: { bytes: Uint8Array<ArrayBuffer>; reading: CounterReading };
  /** A line the guest's init wrote on its control port (ttyS1), e.g. "hostname pc2". */
  control: string;
  /** Ethernet frames the guest's network card sent, for the lab's switch (in the order sent). */
  frames: Uint8Array<ArrayBuffer>[];
  /** Every 250 ms, on input, and after each call. */
  counter: CounterReading;
  /** A saved state given at creation is restored and running. */
  resumed: null;
  /** A saved state given with `parked` is restored; it runs at the first 'run'. */
  parked: null;
  stateProgress: { loaded: number; total: number };
  /** The downloaded state, checked, as served (gzipped): the page keeps it for resets. */
  stateFetched: { served: ArrayBuffer; gzipped: boolean };
  /** The pre-booted state could not be had: nothing was powered on. */
  stateFailed: { kind: 'missing' | 'corrupt'; message: string };
};
