// What the emulator worker (emulator.worker.ts) answers and reports, over the lab's one RPC
// (workers/rpc.ts). The Machine's side is EmulatorClient.ts.
import type { Hardware } from '../devices.mjs';
import type { ScreenFrame } from '../screen/frames';

/**
 * What the worker prepares as soon as it starts, before the guest's images are known: v86's
 * library and its WebAssembly (a module compiled earlier, or the URL to fetch and compile).
 */
export interface EmulatorSetup {
  libraryUrl: string;
  wasm: WebAssembly.Module | string;
}

/** Which file to fetch, and what it must be (from the guest manifest). */
export interface StateRequest {
  url: string;
  /** SHA-256 and size of the file as served (gzipped)… */
  sha256: string;
  size: number;
  /** …and of its decoded bytes (a server may decode .gz files on the way). */
  decodedSha256: string;
}

/** What to power on: v86 options that can cross to the worker (everything but functions). */
export interface PowerOnConfig {
  memoryBytes: number;
  /** The machine's card and display (the profile's); a saved state restores only with the same. */
  hardware: Hardware;
  /** Power on from the BIOS with these images… */
  boot?: {
    bios: ArrayBuffer;
    vgaBios: ArrayBuffer | null;
    /** A kernel to boot directly (with its initrd and command line)… */
    kernel: ArrayBuffer | null;
    initrd: ArrayBuffer | null;
    cmdline: string;
    /** …or a disk of the user's to boot from (read in ranges; writes go to an overlay). */
    media: { device: 'cdrom' | 'hda' | 'fda'; blob: Blob } | null;
  };
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
  /** PC keyboard scancodes (set 1) for a screen guest (a notification). */
  keys: { args: number[]; result: void };
  /** Mouse movement (dx, dy; y up) and buttons [left, middle, right] (a notification). */
  mouse: { args: { dx: number; dy: number; buttons?: [boolean, boolean, boolean] }; result: void };
  /** The screen's next picture is wanted whole (a view was opened). */
  redrawScreen: { args: null; result: void };
  /** Shared folder (9p): writes a file under the guest's /mnt/host. */
  putFile: { args: { name: string; bytes: Uint8Array<ArrayBuffer> }; result: void };
  /** Shared folder: a file, by its name in the guest, as a Blob (its bytes stay off the heap). */
  getFile: { args: string; result: Blob };
  /** Shared folder: what changed since the listing `version` the page has (-1: none yet). */
  sharedChanges: { args: number; result: SharedChanges };
  /** Bytes the guest wrote to its disk's overlay (the changes "discard" would drop). */
  diskChanges: { args: null; result: number };
};

/** A file in the shared folder (the guest's /mnt/host). */
export interface SharedFileInfo {
  name: string;
  size: number;
  /** Last modified, ms since the epoch. */
  modified: number;
}

/** The shared folder's changes since a listing version (`all`: the whole list, not a change). */
export interface SharedChanges {
  version: number;
  all: boolean;
  changed: SharedFileInfo[];
  removed: string[];
}

export type EmulatorEvents = {
  /**
   * The guest restarted the PC (Ctrl+Alt+Del, `reboot`) while it ran from a saved state, which
   * has no BIOS to start again with: the emulator stopped, and the page boots it from its images.
   */
  reboot: null;
  /** A screen guest's picture changed (at most ~30 times a second). */
  screen: ScreenFrame;
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
