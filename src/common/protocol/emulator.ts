// The emulator boundary, written once: what the emulator worker (src/worker/emulator) answers
// and reports over the lab's one RPC (rpc/rpc.ts). The page's client (lib/vm/EmulatorClient.ts)
// and the unit tests' fake are derived from these types; the worker implements Handlers of them.
import type { Hardware } from '../devices.mjs';
import type { ScreenFrame } from '../screen/frames';
import type { Notification, Wiring } from '../rpc/remote';
import type { MigrationReport } from '../migration/precopy';

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

/**
 * What the page asks of the emulator worker. One name per thing from the page's parts to the
 * worker's handler: the page calls `emulator.saveState()`, the worker answers `saveState`.
 */
export type EmulatorMethods = {
  /** Load v86 and compile its WebAssembly now (sent first). */
  setup: { args: EmulatorSetup; result: void } & Notification;
  /** Start downloading the pre-booted state now, before the power-on that resumes it. */
  fetchState: { args: StateRequest; result: void } & Notification;
  /** Create the v86 instance: a cold boot from images, or a saved state resumed (what follows
   * comes as events). */
  powerOn: { args: PowerOnConfig; result: void } & Notification;
  /** Bytes for the guest's serial port `port` (0: the console, 1: the control port). */
  sendSerial: {
    args: { port: number; bytes: Uint8Array<ArrayBuffer> };
    result: void;
  } & Notification;
  stop: { args: null; result: void };
  run: { args: null; result: void };
  saveState: { args: null; result: ArrayBuffer };
  restoreState: { args: ArrayBuffer; result: void };
  setJit: { args: boolean; result: void };
  /** Ethernet frames for the guest's network card, from the lab's switch. */
  receiveFrames: { args: Uint8Array<ArrayBuffer>[]; result: void } & Notification;
  /** PC keyboard scancodes (set 1) for a screen guest. */
  sendKeys: { args: number[]; result: void } & Notification;
  /** Mouse movement (dx, dy; y up) and buttons [left, middle, right]. */
  sendMouse: {
    args: { dx: number; dy: number; buttons?: [boolean, boolean, boolean] };
    result: void;
  } & Notification;
  /** The screen's next picture is wanted whole (a view was opened). */
  redrawScreen: { args: null; result: void } & Notification;
  /** Shared folder (9p): writes a file under the guest's /mnt/host. */
  putFile: { args: { name: string; bytes: Uint8Array<ArrayBuffer> }; result: void };
  /** Shared folder: a file, by its name in the guest, as a Blob (its bytes stay off the heap). */
  getFile: { args: string; result: Blob };
  /** Shared folder: what changed since the listing `version` the page has (-1: none yet). */
  sharedChanges: { args: number; result: SharedChanges };
  /** Bytes the guest wrote to its disk's overlay (the changes "discard" would drop). */
  diskChanges: { args: null; result: number };
  /**
   * Live migration, the source: pre-copy to the target listening on the BroadcastChannel
   * `channel` (common/migration). Resolves once the guest runs there, with the figures; this
   * emulator is then stopped for good. On failure the guest runs on here. `live: false`: no
   * rounds, a stop-and-copy (for comparison).
   */
  migrateOut: { args: { channel: string; live: boolean }; result: MigrationReport };
  /**
   * Live migration, the target: this emulator (a machine of the source's guest profile: the
   * same devices and memory) stops, its RAM is zeroed, and the guest arriving on `channel` runs
   * in it. Resolves when it runs (epoch ms). On failure the machine holds nothing usable.
   * `announce`: a frame sent on the guest's behalf the moment it runs (a gratuitous ARP: the
   * switches learn its new port at once).
   */
  migrateIn: {
    args: { channel: string; announce: Uint8Array<ArrayBuffer> | null };
    result: number;
  };
};

/** How each method crosses: the buffers that move to the worker instead of being copied. */
export const EMULATOR_WIRING: Wiring<EmulatorMethods> = {
  setup: { notify: true },
  fetchState: { notify: true },
  powerOn: { notify: true, transfer: (config) => configBuffers(config) },
  sendSerial: { notify: true, transfer: ({ bytes }) => [bytes.buffer] },
  stop: {},
  run: {},
  saveState: {},
  restoreState: { transfer: (state) => [state] },
  setJit: {},
  receiveFrames: { notify: true, transfer: (frames) => frames.map((f) => f.buffer) },
  sendKeys: { notify: true },
  sendMouse: { notify: true },
  redrawScreen: { notify: true },
  putFile: { transfer: ({ bytes }) => [bytes.buffer] },
  getFile: {},
  sharedChanges: {},
  diskChanges: {},
  migrateOut: {},
  migrateIn: {},
};

/** The images or the state a power-on hands over (the worker takes them: the page copies). */
function configBuffers(config: PowerOnConfig): ArrayBuffer[] {
  const boot = config.boot;
  if (boot) return [boot.bios, boot.kernel, boot.initrd, boot.vgaBios].filter((b) => b !== null);
  return config.state ? [config.state] : [];
}

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
  /** Lines of the guest agent on the control port ("o ID LINE", "x ID STATUS", "a ready"). */
  agent: string[];
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
