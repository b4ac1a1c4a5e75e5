// Messages between the Machine (page) and the emulator worker (emulator.worker.ts).

/** V86 options that can cross to the worker: everything but functions. */
export interface EmulatorConfig {
  libraryUrl: string;
  wasm: WebAssembly.Module;
  bios: ArrayBuffer;
  kernel: ArrayBuffer;
  initrd: ArrayBuffer;
  cmdline: string;
  memoryBytes: number;
}

export type ToWorker =
  | { type: 'create'; config: EmulatorConfig }
  | { type: 'serial'; port: number; bytes: Uint8Array<ArrayBuffer> }
  | { type: 'call'; id: number; method: 'stop' | 'run' | 'save' | 'destroy' }
  | { type: 'call'; id: number; method: 'restore'; state: ArrayBuffer };

export type FromWorker =
  | { type: 'output'; bytes: Uint8Array<ArrayBuffer> }
  | { type: 'counter'; value: number }
  | { type: 'crash'; message: string }
  | { type: 'reply'; id: number; ok: true; state?: ArrayBuffer; counter: number }
  | { type: 'reply'; id: number; ok: false; message: string };
