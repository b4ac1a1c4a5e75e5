// Messages between the Machine (page) and the emulator worker (emulator.worker.ts).

/** V86 options that can cross to the worker: everything but functions. */
export interface EmulatorConfig {
  libraryUrl: string;
  wasm: WebAssembly.Module;
  memoryBytes: number;
  /** Power on from the BIOS with these images… */
  boot?: { bios: ArrayBuffer; kernel: ArrayBuffer; initrd: ArrayBuffer; cmdline: string };
  /** …or resume this saved state (the images are in its memory already). */
  state?: ArrayBuffer;
}

export type ToWorker =
  | { type: 'create'; config: EmulatorConfig }
  | { type: 'serial'; port: number; bytes: Uint8Array<ArrayBuffer> }
  | { type: 'call'; id: number; method: 'stop' | 'run' | 'save' | 'destroy' }
  | { type: 'call'; id: number; method: 'restore'; state: ArrayBuffer }
  | { type: 'call'; id: number; method: 'setJit'; enabled: boolean };

/** A reading of v86's 32-bit instruction counter, and when it was taken (ms since the epoch). */
export interface CounterReading {
  value: number;
  at: number;
}

export type FromWorker =
  | { type: 'output'; bytes: Uint8Array<ArrayBuffer>; reading: CounterReading }
  | { type: 'counter'; reading: CounterReading }
  | { type: 'crash'; message: string }
  /** A saved state given at creation is restored and running. */
  | { type: 'resumed' }
  | { type: 'reply'; id: number; ok: true; state?: ArrayBuffer; counter: CounterReading }
  | { type: 'reply'; id: number; ok: false; message: string };
