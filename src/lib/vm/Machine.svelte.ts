// The one owner of the v86 emulator: it loads a guest profile's images, boots them, exposes the
// machine's state as reactive fields and typed events, and releases everything in destroy().
import { DisposableStore, Emitter } from '../events/emitter';
import { messageOf } from '../errors';
import {
  fetchGuestImages,
  fetchManifest,
  ImageError,
  ManifestError,
  type DownloadProgress,
  type GuestImages,
} from '../guest/catalog';
import { bootStateMismatches, type GuestProfile, type Manifest } from '../guest/manifest';
import { InstructionTotal } from '../metrics/instructionCounter';
import { SpeedMeter, type SpeedReading } from '../metrics/speed';
import { endsWithPrompt, ReadinessDetector, SilenceWatchdog } from './readiness';
import { OutputLog } from './outputLog';
import { ConsoleInput, type InputState } from './consoleInput';
import { WorkerEmulator, type EmulatorListener } from './WorkerEmulator';
import type { CounterReading, PowerOnConfig } from './emulatorProtocol';
import type { StateRequest } from './stateDownload';
import { takeEarlyEmulator } from './earlyEmulator';
import type { SnapshotOrigin } from '../snapshots/format';

export type MachineStatus = 'loading' | 'booting' | 'running' | 'paused' | 'stopped' | 'error';

export type MachineErrorCode =
  | 'noWasm'
  | 'manifest'
  | 'imageMissing'
  | 'imageCorrupt'
  | 'wasm'
  | 'silent'
  | 'emulator'
  | 'stateRejected';

export interface MachineError {
  code: MachineErrorCode;
  params: Record<string, string | number>;
}

export interface MachineEvents {
  /** Bytes the guest wrote to its serial console, batched per emulator tick. */
  output: Uint8Array;
  /** The guest was (re)started from power-on: screens showing old output should clear. */
  poweredOn: void;
  /** A saved state was restored: screens should show `screen` (the output saved with it). */
  restored: { screen: Uint8Array };
  /** The shell prompt appeared; ms from creating the emulator (or resetting it). */
  ready: { bootMs: number };
  /** A new instruction count (epoch ms; total since power-on or restore, wrap-safe). */
  counter: SpeedReading;
}

/** How the running guest got to its prompt. */
export type StartedFrom = 'bootState' | 'coldBoot';

/** Something the user should know that is not an error (e.g. why the boot was a cold one). */
export interface MachineNote {
  key: 'machine.note.bootStateIncompatible' | 'machine.note.bootStateUnavailable';
  params: Record<string, string>;
}

/** What to power on: a cold boot from images, or a saved state (maybe gzipped) to resume. */
type PowerSource =
  | { images: GuestImages }
  | { state: ArrayBuffer; gzipped: boolean; screen: string }
  /** The pre-booted state, downloaded and decoded by the emulator worker itself. */
  | { download: StateRequest; screen: string };

/** The pre-booted state as served and verified: still gzipped (small; the worker decodes it). */
interface BootStateBytes {
  bytes: ArrayBuffer;
  gzipped: boolean;
}

export interface MachineOptions {
  imagesBase: URL;
  wasmUrl: string;
  /** The exact v86 version (package.json), recorded in saved states. */
  v86Version: string;
  /** v86's libv86.mjs, loaded at run time (see scripts/vite-plugin-v86.ts). */
  libraryUrl: string;
}

const WATCHDOG_MS = 500;
/** How often the live figures change on screen while the guest runs (timer jitter allowed). */
const SHOW_EVERY_MS = 950;

export class Machine {
  status = $state.raw<MachineStatus>('stopped');
  progress = $state.raw<DownloadProgress | null>(null);
  error = $state.raw<MachineError | null>(null);
  profile = $state.raw<GuestProfile | null>(null);
  manifest = $state.raw<Manifest | null>(null);
  bootMs = $state.raw<number | null>(null);
  startedFrom = $state.raw<StartedFrom | null>(null);
  note = $state.raw<MachineNote | null>(null);
  /** Guest instructions executed since power-on (wrap-safe). */
  instructions = $state.raw(0);
  /** How many times the figures above have been updated: lets a reader see that time has passed. */
  samples = $state.raw(0);
  /** Emulated millions of instructions per second over the last second (null: not known yet). */
  mips = $state.raw<number | null>(null);
  /** MIPS in each of the last 60 seconds, oldest first (null: no data for that second). */
  mipsHistory = $state.raw<(number | null)[]>([]);
  /** Time the guest has been running since power-on (pauses excluded), ms. */
  uptimeMs = $state.raw(0);
  /** Whether v86 translates guest code to WebAssembly (its JIT) or interprets every instruction. */
  jit = $state.raw(true);
  /** True while a saved state is being put back into the emulator. */
  restoring = $state.raw(false);
  /** Set while a program drives the console (a benchmark): the user's typing is refused. */
  inputLockedBy = $state.raw<string | null>(null);
  /** Where the user's typing goes now: to the guest, held for after a transition, or refused. */
  input = $state.raw<InputState>({ kind: 'free' });

  readonly events = new Emitter<MachineEvents>();
  /** True once a guest has been powered on (it may since have been reset or have failed). */
  poweredOn = false;

  #options: MachineOptions;
  #emulator: WorkerEmulator | null = null;
  /** A worker started for the next power-on, loading v86 while the guest downloads. */
  #nextEmulator: WorkerEmulator | null = null;
  // A plain cache of downloaded images, not UI state.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #images = new Map<string, GuestImages>();
  /** v86's WebAssembly, once a worker has compiled it: later workers skip the download. */
  #wasm: WebAssembly.Module | null = null;
  #bootState: BootStateBytes | null = null;
  #startOptions: { cold?: boolean } = {};
  #log = new OutputLog();
  #input = new ConsoleInput(
    (data) => this.#emulator?.sendSerial(0, new TextEncoder().encode(data)),
    (state) => (this.input = state),
  );
  /** Held from a power-on until its prompt is up (or it fails). */
  #releasePowerHold: (() => void) | null = null;
  #releasePauseHold: (() => void) | null = null;
  #session = new DisposableStore();
  #readiness = new ReadinessDetector('');
  #watchdog: SilenceWatchdog | null = null;
  #counter = new InstructionTotal();
  #speed = new SpeedMeter();
  #lastReadingAt: number | null = null;
  #uptimeMs = 0;
  #shownAt: number | null = null;
  #bootStartedAt = 0;
  #statusBeforePause: MachineStatus = 'running';
  #generation = 0;
  /** What to do when the worker says the state given at power-on is running. */
  #onResumed: (() => void) | null = null;

  constructor(options: MachineOptions) {
    this.#options = options;
  }

  /**
   * Loads the manifest, then resumes the profile's pre-booted state (or, with `cold`, when there
   * is none or it does not fit this build, boots from the BIOS with its images).
   * From the error state it is "try again": whatever was left of the failed attempt is released.
   */
  async start(profileId?: string, options: { cold?: boolean } = this.#startOptions): Promise<void> {
    if (this.status !== 'stopped' && this.status !== 'error') return;
    this.#startOptions = options; // Try again tries the same way
    this.note = null;
    performance.mark('aula86:start');
    this.error = null;
    this.status = 'loading';
    if (typeof WebAssembly !== 'object') {
      this.#generation++;
      this.#teardown();
      return this.#fail({ code: 'noWasm', params: {} });
    }
    return this.#powerCycle(async () => {
      this.manifest ??= await fetchManifest(this.#options.imagesBase);
      const manifest = this.manifest;
      const profile =
        manifest.profiles.find((p) => p.id === (profileId ?? manifest.defaultProfile)) ??
        manifest.profiles[0]!;
      this.profile = profile;
      const source = options.cold ? null : this.#loadBootState(profile);
      const power = source ?? { images: await this.#loadImages(profile) };
      performance.mark('aula86:images-ready');
      return { profile, power };
    });
  }

  async pause(): Promise<void> {
    const emulator = this.#emulator;
    if (!emulator || (this.status !== 'running' && this.status !== 'booting')) return;
    this.#statusBeforePause = this.status;
    this.status = 'paused';
    this.#releasePauseHold ??= this.#input.claim('pause', 'hold');
    await emulator.stop();
  }

  async resume(): Promise<void> {
    const emulator = this.#emulator;
    if (!emulator || this.status !== 'paused') return;
    this.status = this.#statusBeforePause;
    this.#watchdog?.touch(performance.now());
    await emulator.run();
    this.#releasePause();
  }

  #releasePause(): void {
    this.#releasePauseHold?.();
    this.#releasePauseHold = null;
  }

  /**
   * A fresh machine: the pre-booted state again when there is one (instant), else a cold boot.
   * Everything in the guest since is gone.
   */
  async reset(): Promise<void> {
    const profile = this.profile;
    if (!profile?.bootState || !this.#bootState) return this.coldBoot();
    const { bytes, gzipped } = this.#bootState;
    const screen = profile.bootState.screen;
    return this.#restart(() => Promise.resolve({ state: bytes.slice(0), gzipped, screen }));
  }

  /** Power-cycles the guest from the BIOS with its images: the whole boot, for the lesson. */
  async coldBoot(): Promise<void> {
    const profile = this.profile;
    if (!profile) return;
    return this.#restart(async () => ({ images: await this.#loadImages(profile) }));
  }

  async #restart(source: () => Promise<PowerSource>): Promise<void> {
    const profile = this.profile;
    if (!profile || this.status === 'loading') return;
    return this.#powerCycle(async () => ({ profile, power: await source() }));
  }

  /**
   * One attempt to power on: the previous emulator goes, the next one's worker starts loading
   * v86 at once (before anything is awaited: in parallel with `source`, which gets the guest),
   * then powers on. A newer attempt, or destroy(), makes this one drop out silently.
   */
  async #powerCycle(
    source: () => Promise<{ profile: GuestProfile; power: PowerSource }>,
  ): Promise<void> {
    const generation = ++this.#generation;
    this.#teardown();
    // Typing from now until the new machine's prompt goes to the new machine, whole.
    this.#releasePowerHold ??= this.#input.claim('power', 'hold');
    this.#releasePause(); // the next machine starts running, not paused
    this.#prepareEmulator(generation);
    try {
      const { profile, power } = await source();
      if (generation !== this.#generation) return;
      this.#powerOn(profile, power);
    } catch (error) {
      if (generation === this.#generation) this.#fail(describeError(error));
    }
  }

  /**
   * The profile's pre-booted state if this build can resume it: the copy kept from an earlier
   * start, or a download the emulator worker starts at once (it decodes the state as it
   * arrives; the page's thread meanwhile draws the page). Else null, with a note saying why
   * the boot will be a cold one.
   */
  #loadBootState(profile: GuestProfile): PowerSource | null {
    const bootState = profile.bootState;
    if (!bootState) return null;
    const reasons = bootStateMismatches(profile, this.#options.v86Version);
    if (reasons.length) {
      this.note = {
        key: 'machine.note.bootStateIncompatible',
        params: { reasons: reasons.join(', ') },
      };
      return null;
    }
    if (this.#bootState) {
      const { bytes, gzipped } = this.#bootState;
      return { state: bytes.slice(0), gzipped, screen: bootState.screen };
    }
    const { file } = bootState;
    const download: StateRequest = {
      // A plain string, made once: not reactive state.
      // eslint-disable-next-line svelte/prefer-svelte-reactivity
      url: new URL(file.name, this.#options.imagesBase).href,
      sha256: file.sha256,
      size: file.size,
      decodedSha256: file.decodedSha256,
    };
    this.#nextEmulator?.fetchState(download);
    return { download, screen: bootState.screen };
  }

  /** The pre-booted state could not be had: a cold boot instead, and a note saying why. */
  #bootStateFailed(message: string): void {
    this.progress = null;
    const file = this.profile?.bootState?.file.name ?? '';
    const detail = `${file}: ${message}`;
    this.note = { key: 'machine.note.bootStateUnavailable', params: { detail } };
    void this.coldBoot();
  }

  /** What a saved state of this machine is tied to (see snapshots/format.ts), or null before boot. */
  origin(): SnapshotOrigin | null {
    const profile = this.profile;
    if (!profile || !this.#emulator) return null;
    return {
      v86Version: this.#options.v86Version,
      profileId: profile.id,
      imageSha256: {
        bios: profile.bios.decodedSha256,
        kernel: profile.kernel.decodedSha256,
        initrd: profile.initrd.decodedSha256,
      },
      memoryBytes: profile.memoryBytes,
    };
  }

  /** The whole machine state (v86's save_state), with the console output that goes with it. */
  async saveState(): Promise<{ state: ArrayBuffer; screen: Uint8Array; origin: SnapshotOrigin }> {
    const emulator = this.#emulator;
    const origin = this.origin();
    if (!emulator || !origin || (this.status !== 'running' && this.status !== 'paused')) {
      throw new Error('no running machine to save');
    }
    const state = await emulator.saveState();
    return { state, screen: this.#log.contents(), origin };
  }

  /**
   * Puts the machine back into a saved state. The caller has checked it belongs to this machine
   * (same v86, guest images and memory). The screen is replaced by the output saved with it.
   */
  async restoreState(state: ArrayBuffer, screen: Uint8Array): Promise<void> {
    const emulator = this.#emulator;
    if (!emulator) throw new Error('no machine to restore into');
    const wasRunning = this.status !== 'paused';
    this.restoring = true;
    const release = this.holdInput('restore');
    try {
      await emulator.stop();
      await emulator.restoreState(state);
    } catch (error) {
      // The old machine is half overwritten: it must not pass for running.
      this.#input.discard();
      this.#fail({ code: 'stateRejected', params: { detail: messageOf(error) } });
      throw error;
    } finally {
      this.restoring = false;
      release();
    }
    this.#log.clear();
    this.#log.append(screen);
    this.#readiness.markReady(); // states are saved from a running shell
    this.#resetCounters();
    this.jit = true; // a restored emulator keeps its settings, but JIT is the lab's default
    await emulator.setJit(true);
    this.status = wasRunning ? 'running' : 'paused';
    this.#statusBeforePause = 'running';
    this.events.emit('restored', { screen });
    if (wasRunning) await emulator.run();
  }

  /**
   * Holds the user's typing while `owner` changes the machine (it is delivered whole when the
   * last holder lets go): call the result to let go.
   */
  holdInput(owner: string): () => void {
    return this.#input.claim(owner, 'hold');
  }

  /**
   * A copy of the pre-booted state as served (gzipped: small), if this session loaded it, with
   * an id naming it (its hash): snapshots store its chunks once, and later only what changed.
   */
  bootState(): { state: ArrayBuffer; gzipped: boolean; id: string } | null {
    const file = this.profile?.bootState?.file;
    if (!file || !this.#bootState) return null;
    const { bytes, gzipped } = this.#bootState;
    return { state: bytes.slice(0), gzipped, id: `base-${file.decodedSha256}` };
  }

  /** The console output since power-on (the most recent part), for a terminal that attaches late. */
  recentOutput(): Uint8Array {
    return this.#log.contents();
  }

  /**
   * What the user types into the guest's serial console. While a program holds the console
   * (lockInput), only the terminal's automatic replies (escape sequences) get through.
   */
  sendInput(data: string): void {
    this.#input.type(data);
  }

  /** Input from a program driving the console (see lockInput). */
  typeIntoConsole(data: string): void {
    if (this.status === 'paused') return;
    this.#emulator?.sendSerial(0, new TextEncoder().encode(data));
  }

  /** Refuses the user's typing while `owner` drives the console; call the result to release. */
  lockInput(owner: string): () => void {
    this.inputLockedBy = owner;
    const release = this.#input.claim(owner, 'refuse');
    return () => {
      release();
      if (this.inputLockedBy === owner) this.inputLockedBy = null;
    };
  }

  /** True when the guest's console ends with a shell prompt: nothing is running in the foreground. */
  shellIdle(): boolean {
    if (this.status !== 'running') return false;
    const tail = this.#log.contents().subarray(-512);
    return endsWithPrompt(new TextDecoder().decode(tail));
  }

  /** Turns v86's JIT on or off for the running guest. */
  async setJit(enabled: boolean): Promise<void> {
    const emulator = this.#emulator;
    if (!emulator) throw new Error('no machine');
    await emulator.setJit(enabled);
    this.jit = enabled;
  }

  /** Tells the guest the terminal's size; its init applies it to ttyS0 (see images/initramfs/init). */
  setTerminalSize(rows: number, cols: number): void {
    this.#emulator?.sendSerial(1, new TextEncoder().encode(`${rows} ${cols}\n`));
  }

  /** Final: releases the emulator and every listener. */
  destroy(): void {
    this.#generation++;
    this.#input.discard();
    this.#teardown();
    this.events.clear();
    this.status = 'stopped';
  }

  async #loadImages(profile: GuestProfile): Promise<GuestImages> {
    const cached = this.#images.get(profile.id);
    if (cached) return cached;
    const images = await fetchGuestImages(this.#options.imagesBase, profile, (p) => {
      this.progress = p;
    });
    this.progress = null;
    this.#images.set(profile.id, images);
    return images;
  }

  /**
   * Starts the emulator worker for the coming power-on of attempt `generation`: it loads v86's
   * library and WebAssembly now, in parallel with the guest's download.
   */
  #prepareEmulator(generation: number): void {
    const current = () => generation === this.#generation;
    const listener: EmulatorListener = {
      output: (bytes, reading) => {
        if (!current()) return;
        this.#count(reading);
        this.#output(bytes);
      },
      counter: (reading) => {
        if (current()) this.#count(reading);
      },
      crash: (message) => {
        // A crash while booting is an error the user must see; later ones leave the guest as is.
        if (current() && (this.status === 'booting' || this.status === 'loading')) {
          this.#fail({ code: 'emulator', params: { detail: message } });
        }
      },
      wasmFailed: (message) => {
        if (current()) this.#fail({ code: 'wasm', params: { detail: message } });
      },
      compiled: (module) => {
        this.#wasm = module;
      },
      resumed: () => {
        if (current()) this.#onResumed?.();
      },
      stateProgress: (loaded, total) => {
        const file = this.profile?.bootState?.file.name ?? '';
        if (current()) this.progress = { file, loaded, total };
      },
      stateFetched: (served, gzipped) => {
        this.#bootState = { bytes: served, gzipped };
        if (current()) this.progress = null;
      },
      stateFailed: (_kind, message) => {
        if (current()) this.#bootStateFailed(message);
      },
    };
    this.#nextEmulator = new WorkerEmulator(
      { libraryUrl: this.#options.libraryUrl, wasm: this.#wasm ?? this.#options.wasmUrl },
      listener,
      takeEarlyEmulator(),
    );
  }

  #powerOn(profile: GuestProfile, power: PowerSource): void {
    const emulator = this.#nextEmulator;
    if (!emulator) throw new Error('no emulator worker prepared');
    this.#nextEmulator = null;
    performance.mark('aula86:new-v86');
    // The worker takes ownership of the buffers it is given, so each boot gets its own copies.
    const images = 'images' in power ? power.images : null;
    const screen = 'screen' in power ? power.screen : null;
    this.#onResumed = screen !== null ? () => this.#resumed(screen) : null;
    emulator.powerOn({ memoryBytes: profile.memoryBytes, ...powerOnSource(power, profile) });
    this.#emulator = emulator;
    this.#readiness = new ReadinessDetector(profile.readyText);
    this.#resetCounters();
    this.#uptimeMs = this.uptimeMs = 0;
    this.jit = true;
    this.bootMs = null;
    this.#bootStartedAt = performance.now();
    this.#watchdog = new SilenceWatchdog(profile.silenceLimitMs, this.#bootStartedAt);
    this.status = 'booting';
    this.startedFrom = images ? 'coldBoot' : 'bootState';
    this.#log.clear();
    this.poweredOn = true;
    this.events.emit('poweredOn', undefined);

    const timer = setInterval(() => this.#tick(), WATCHDOG_MS);
    this.#session.add(() => clearInterval(timer));
  }

  /** The pre-booted state is running: the shell is at its prompt already. */
  #resumed(screen: string): void {
    const bytes = new TextEncoder().encode(screen);
    this.#log.append(bytes);
    this.#readiness.markReady();
    this.#statusBeforePause = 'running';
    this.#reachedPrompt(bytes);
  }

  /**
   * The shell prompt is up, booted or resumed (then with the screen saved with the state): the
   * boot time, and the machine is running.
   */
  #reachedPrompt(restoredScreen?: Uint8Array): void {
    performance.mark('aula86:prompt');
    this.bootMs = Math.round(performance.now() - this.#bootStartedAt);
    if (this.status === 'booting') this.status = 'running';
    if (restoredScreen) this.events.emit('restored', { screen: restoredScreen });
    this.events.emit('ready', { bootMs: this.bootMs });
    this.#releasePower();
  }

  #releasePower(): void {
    this.#releasePowerHold?.();
    this.#releasePowerHold = null;
  }

  #output(chunk: Uint8Array): void {
    this.#watchdog?.touch(performance.now());
    this.#log.append(chunk);
    this.events.emit('output', chunk);
    if (this.#readiness.feed(chunk)) this.#reachedPrompt();
  }

  #tick(): void {
    const watchdog = this.#watchdog;
    if (this.status === 'booting' && watchdog?.expired(performance.now())) {
      this.#fail({ code: 'silent', params: { seconds: Math.round(watchdog.limitMs / 1000) } });
      void this.#emulator?.stop();
    }
  }

  /**
   * A counter reading from the emulator (four a second, and more with output): the instruction
   * total, the speed, the uptime. The figures on screen change once a second while the guest
   * runs: each change is a repaint, and on a two-core machine the browser's painting shares the
   * cores with v86's JIT compiles (four a second slowed the boot and held back the terminal).
   */
  #count(raw: CounterReading): void {
    const reading = { at: raw.at, total: this.#counter.update(raw.value) };
    const running = this.status === 'running' || this.status === 'booting';
    if (this.#lastReadingAt !== null && running) {
      this.#uptimeMs += Math.max(0, raw.at - this.#lastReadingAt);
    }
    this.#lastReadingAt = raw.at;
    this.#speed.add(reading);
    this.events.emit('counter', reading);
    if (running && this.#shownAt !== null && raw.at - this.#shownAt < SHOW_EVERY_MS) return;
    this.#shownAt = raw.at;
    this.instructions = reading.total;
    this.uptimeMs = this.#uptimeMs;
    this.samples++;
    const rate = this.#speed.rate(1000);
    this.mips = rate === null ? null : rate / 1e6;
    this.mipsHistory = this.#speed.series(60, 1000).map((r) => (r === null ? null : r / 1e6));
  }

  #resetCounters(): void {
    this.#counter.reset();
    this.#lastReadingAt = null;
    this.#shownAt = null;
    this.#speed.reset();
    this.instructions = 0;
    this.mips = null;
    this.mipsHistory = [];
  }

  #teardown(): void {
    this.#session.dispose();
    this.#watchdog = null;
    const emulators = [this.#emulator, this.#nextEmulator];
    this.#emulator = this.#nextEmulator = null;
    this.#onResumed = null;
    for (const emulator of emulators) emulator?.destroy();
  }

  #fail(error: MachineError): void {
    this.error = error;
    this.status = 'error';
    this.progress = null;
    // No machine runs to take what was typed for it.
    this.#input.discard();
    this.#releasePower();
    this.#releasePause();
  }
}

/** What the worker powers on from; the images are copied, as the worker takes what it is given. */
function powerOnSource(
  power: PowerSource,
  profile: GuestProfile,
): Omit<PowerOnConfig, 'memoryBytes'> {
  if ('images' in power) {
    const { bios, kernel, initrd } = power.images;
    const boot = { bios: bios.slice(0), kernel: kernel.slice(0), initrd: initrd.slice(0) };
    return { boot: { ...boot, cmdline: profile.cmdline } };
  }
  if ('download' in power) return { fetchedState: power.download };
  return { state: power.state, stateGzipped: power.gzipped };
}

export function describeError(error: unknown): MachineError {
  if (error instanceof ManifestError)
    return { code: 'manifest', params: { detail: error.message } };
  if (error instanceof ImageError) {
    return error.kind === 'corrupt'
      ? {
          code: 'imageCorrupt',
          params: { file: error.file, expected: error.expected, actual: error.actual },
        }
      : { code: 'imageMissing', params: { file: error.file, detail: error.detail } };
  }
  return { code: 'emulator', params: { detail: messageOf(error) } };
}
