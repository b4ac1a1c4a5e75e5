// Runs v86 off the page's main thread: the serial-only guest needs no DOM, and the lab's own
// rendering (terminal, panels) then never competes with the emulated CPU.
import type { V86 } from 'v86';
import { v86Devices } from '../../common/devices.mjs';
import type { ScreenCapture } from './ScreenCapture';
import { frameBuffers } from '../../common/screen/frames';
import { bootFiles, captureScreen, passRebootsFromStates } from './workerMachine';
import { putSharedFile, readSharedFile, SharedFolderWatch } from './sharedFolder';
import type { OverlayDisk } from './OverlayDisk';
import { compileEmulatorWasm, WasmLoadError } from './wasm';
import { gunzip } from '../../common/bytes/codec';
import { downloadState, StateDownloadError, type DownloadedState } from './stateDownload';
import { wakeNow, yieldOnThisThread } from './sameThreadYield';
import { busOf, filesOf, loopOf, setJit } from './v86Internals';
import { ControlLines } from './controlLines';
import { TickBatch } from './tickBatch';
import { migrateIn, migrateOut } from './migration';
import { Arrival } from './arrival';
import type {
  CounterReading,
  EmulatorEvents,
  EmulatorMethods,
  EmulatorSetup,
  PowerOnConfig,
  StateRequest,
} from '../../common/protocol/emulator';
import { serveRpc, transfer, workerScope, type Handlers } from '../../common/rpc/rpc';

// v86 times its CPU slices with a helper worker started from a blob: URL, unless there are no
// workers. Here the slices are timed on this thread (sameThreadYield.ts), so v86 is shown none:
// no thread to start before the first slice, and no blob: worker for the CSP to allow.
Reflect.deleteProperty(globalThis, 'Worker');

let emulator: V86 | null = null;
let screen: ScreenCapture | null = null;
/** v86's constructor and its WebAssembly, made ready while the page still loads the guest. */
let prepared: Promise<{ Emulator: typeof V86; wasm: WebAssembly.Module }> | null = null;
/** The pre-booted state, downloading since the page asked (before it powers on). */
let stateDownload: { key: string; result: Promise<DownloadedState> } | null = null;

function fetchState(request: StateRequest): Promise<DownloadedState> {
  const key = `${request.url} ${request.sha256}`;
  if (stateDownload?.key !== key) {
    let shownAt = 0;
    const result = downloadState(request, (loaded, total) => {
      // A few progress messages a second are enough for a progress bar.
      const now = performance.now();
      if (now - shownAt < 100 && loaded < total) return;
      shownAt = now;
      report.emit('stateProgress', { loaded, total });
    });
    result.catch(() => undefined); // reported when the power-on asks for it
    stateDownload = { key, result };
  }
  return stateDownload.result;
}

/** The state to resume: decoded here, while v86 may still be loading. */
async function stateToResume(config: PowerOnConfig): Promise<ArrayBuffer | undefined> {
  if (config.fetchedState) {
    const { served, gzipped, state } = await fetchState(config.fetchedState);
    stateDownload = null;
    report.emit('stateFetched', { served, gzipped }, [served]);
    return state;
  }
  if (config.state && config.stateGzipped)
    return (await gunzip(new Uint8Array(config.state))).buffer;
  return config.state;
}

// Read with its own timestamp (epoch ms, comparable across threads), so the page's rate maths
// does not depend on when the message happens to arrive.
const counter = (): CounterReading => ({
  value: emulator ? emulator.get_instruction_counter() >>> 0 : 0,
  at: performance.timeOrigin + performance.now(),
});

/** The serial console's bytes, the card's frames and the agent's lines, one message a tick. */
const serialOut = new TickBatch<number>((bytes) => {
  const out = Uint8Array.from(bytes);
  report.emit('output', { bytes: out, reading: counter() }, [out.buffer]);
});
const framesOut = new TickBatch<Uint8Array<ArrayBuffer>>((f) =>
  report.emit(
    'frames',
    f,
    f.map((frame) => frame.buffer),
  ),
);
const agentOut = new TickBatch<string>((lines) => report.emit('agent', lines));

let disk: OverlayDisk | null = null;
/** A guest arriving by live migration into this emulator, as its network card sees it. */
const arrival = new Arrival({
  send: (frame) => framesOut.push(frame),
  deliver: (frames) => void handlers.receiveFrames(frames),
  later: (ms, work) => setTimeout(work, ms),
});
/** A guest leaving by migration, its final copy taken: frames for it go on to the target. */
let forward: ((frames: Uint8Array<ArrayBuffer>[]) => void) | null = null;
/** Tells the page what changed in the shared folder (made at the first question). */
let sharedWatch: SharedFolderWatch | null = null;
/** A state was restored: its shared folder is listed again (v86 does not announce it). */
const sharedChanged = () => sharedWatch?.invalidate();

/**
 * Starts loading v86's library and compiling its WebAssembly at once, in parallel; create()
 * waits for both and reports a failure.
 */
function setup({ libraryUrl, wasm }: EmulatorSetup) {
  const library = import(/* @vite-ignore */ libraryUrl) as Promise<typeof import('v86')>;
  const module =
    typeof wasm === 'string'
      ? compileEmulatorWasm(wasm).then((compiled) => {
          report.emit('compiled', compiled);
          return compiled;
        })
      : Promise.resolve(wasm);
  prepared = Promise.all([library, module]).then(([{ V86: Emulator }, compiled]) => ({
    Emulator,
    wasm: compiled,
  }));
  prepared.catch(() => undefined); // not unhandled while the page is still fetching the guest
}

async function create(config: PowerOnConfig) {
  if (!prepared) throw new Error('the emulator worker was not set up');
  const resume = stateToResume(config);
  resume.catch(() => undefined); // judged below, once v86 is ready too
  let ready: Awaited<typeof prepared>;
  let state: ArrayBuffer | undefined;
  try {
    ready = await prepared;
    state = await resume;
  } catch (error) {
    // The page tells the user the emulator could not be loaded, and falls back to a cold boot
    // when the pre-booted state could not be had; other failures are crashes.
    if (error instanceof WasmLoadError) return report.emit('wasmFailed', error.message);
    if (error instanceof StateDownloadError) {
      return report.emit('stateFailed', { kind: error.kind, message: error.message });
    }
    throw error;
  }
  const { Emulator, wasm } = ready;
  const { boot } = config;
  const e = new Emulator({
    wasm_fn: async (imports) => (await WebAssembly.instantiate(wasm, imports)).exports,
    ...(boot ? await bootFiles(boot, (d) => (disk = d)) : {}),
    memory_size: config.memoryBytes,
    ...v86Devices(config.hardware),
    autostart: !state,
  });
  emulator = e;
  sharedWatch = null;
  if (config.hardware.screen) {
    captureScreen(
      e,
      (capture) => {
        screen?.dispose();
        screen = capture;
      },
      (frame) => report.emit('screen', frame, frameBuffers(frame)),
    );
  }
  // Before its first slice ends: autostart runs the CPU just before 'emulator-loaded'.
  e.add_listener('emulator-loaded', () => {
    const loop = loopOf(e);
    if (loop) yieldOnThisThread(loop, () => screen?.tickIfDue());
    passRebootsFromStates(e, () => report.emit('reboot', null));
  });
  // Bytes of one emulator tick go out as one message.
  e.add_listener('serial0-output-byte', (byte) => {
    serialOut.push(byte);
  });
  // The card's frames are views into its memory: each is copied before it leaves.
  e.add_listener('net0-send', (frame: Uint8Array) => {
    framesOut.push(frame.slice());
  });
  // The control port: the init's answers one at a time, the agent's lines batched per tick.
  const lines = new ControlLines(
    (line) => report.emit('control', line),
    (line) => agentOut.push(line),
  );
  e.add_listener('serial1-output-byte', (byte) => lines.push(byte));
  if (state) {
    await new Promise<void>((resolve) => e.add_listener('emulator-loaded', () => resolve()));
    await e.restore_state(state);
    sharedChanged();
    if (config.parked) return report.emit('parked', null);
    await e.run();
    report.emit('resumed', null);
  }
  countEvery250ms();
}

let counting = 0;
/** The counter for the page's speed figures, from the first run on (none while parked). */
function countEvery250ms() {
  counting ||= self.setInterval(() => report.emit('counter', counter()), 250);
}

function running(): V86 {
  if (!emulator) throw new Error('no emulator');
  return emulator;
}

/** After each call the page gets the counter: the moment the call took effect. */
async function thenCount<T>(work: () => Promise<T> | T): Promise<T> {
  const result = await work();
  report.emit('counter', counter());
  return result;
}

const handlers: Handlers<EmulatorMethods> = {
  setup,
  fetchState: (request) => void fetchState(request),
  powerOn: create,
  sendSerial: ({ port, bytes }) => {
    if (!emulator) return;
    emulator.serial_send_bytes(port, bytes);
    wakeNow(loopOf(emulator)); // an idle guest reads it now, not at its next timer tick
    // The moment input reaches the guest, with the counter then: timing starts here.
    report.emit('counter', counter());
  },
  stop: () =>
    thenCount(async () => {
      await running().stop();
      serialOut.flush();
    }),
  run: () =>
    thenCount(async () => {
      await running().run();
      countEvery250ms();
    }),
  saveState: () =>
    thenCount(async () => {
      const e = running();
      serialOut.flush();
      const state = await e.save_state();
      return transfer(state, [state]);
    }),
  restoreState: (state) =>
    thenCount(async () => {
      const e = running();
      serialOut.clear();
      await e.restore_state(state);
      sharedChanged();
    }),
  setJit: (enabled) => thenCount(() => setJit(running(), enabled)),
  receiveFrames: (frames) => {
    if (forward) return forward(frames);
    if (!emulator || arrival.take(frames)) return;
    const bus = busOf(emulator);
    for (const frame of frames) bus.send('net0-receive', frame);
    wakeNow(loopOf(emulator));
  },
  sendKeys: (codes) => {
    emulator?.keyboard_send_scancodes(codes);
    report.emit('counter', counter());
  },
  sendMouse: ({ dx, dy, buttons }) => {
    if (!emulator) return;
    const bus = busOf(emulator);
    if (dx || dy) bus.send('mouse-delta', [dx, dy]);
    if (buttons) bus.send('mouse-click', buttons);
  },
  redrawScreen: () => screen?.redraw(),
  putFile: async ({ name, bytes }) => putSharedFile(filesOf(running()), name, bytes),
  getFile: (name) => readSharedFile(filesOf(running()), name),
  sharedChanges: (since) => {
    return (sharedWatch ??= new SharedFolderWatch(filesOf(running()))).changesSince(since);
  },
  diskChanges: () => disk?.writtenBytes ?? 0,
  migrateOut: async ({ channel, live }) => {
    const report = await migrateOut(running(), channel, live, (send) => (forward = send));
    serialOut.flush();
    return report;
  },
  migrateIn: async ({ channel, announce }) => {
    arrival.begin(announce);
    serialOut.hold(); // the arrived guest's output follows the answer (the page drops what came before)
    try {
      const at = await migrateIn(running(), channel, () => serialOut.clear(), {
        sourceStopped: () => arrival.sourceStopped(),
        framesArrived: (frames) => arrival.take(frames),
      });
      arrival.resumed();
      sharedChanged();
      return at;
    } finally {
      arrival.end();
      serialOut.release();
    }
  },
};

const report = serveRpc<EmulatorMethods, EmulatorEvents>(workerScope(), handlers);
self.addEventListener('error', (e) => report.crash(e.error ?? e.message));
self.addEventListener('unhandledrejection', (e) => report.crash(e.reason));
