// The one owner of the v86 emulator: it loads a guest profile's images, boots them, exposes the
// machine's state as reactive fields and typed events, and releases everything in destroy().
import type { V86, V86Options } from 'v86';
import { DisposableStore, Emitter, listen, type Unsubscribe } from '../events/emitter';
import {
  fetchGuestImages,
  fetchManifest,
  ImageError,
  ManifestError,
  type DownloadProgress,
  type GuestImages,
} from '../guest/catalog';
import type { GuestProfile, Manifest } from '../guest/manifest';
import { InstructionTotal } from '../metrics/instructionCounter';
import { ReadinessDetector, SilenceWatchdog } from './readiness';
import { compileEmulatorWasm, WasmLoadError } from './wasm';
import { OutputLog } from './outputLog';
import type { SnapshotOrigin } from '../snapshots/format';

export type MachineStatus = 'loading' | 'booting' | 'running' | 'paused' | 'stopped' | 'error';

export type MachineErrorCode =
  'noWasm' | 'manifest' | 'imageMissing' | 'imageCorrupt' | 'wasm' | 'silent' | 'emulator';

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
}

export interface MachineOptions {
  imagesBase: URL;
  wasmUrl: string;
  /** The exact v86 version (package.json), recorded in saved states. */
  v86Version: string;
  /** v86's libv86.mjs, loaded at run time (see scripts/vite-plugin-v86.ts). */
  libraryUrl: string;
}

const SAMPLE_MS = 500;

export class Machine {
  status = $state.raw<MachineStatus>('stopped');
  progress = $state.raw<DownloadProgress | null>(null);
  error = $state.raw<MachineError | null>(null);
  profile = $state.raw<GuestProfile | null>(null);
  manifest = $state.raw<Manifest | null>(null);
  bootMs = $state.raw<number | null>(null);
  /** Guest instructions executed since power-on (wrap-safe). */
  instructions = $state.raw(0);
  /** How many times `instructions` has been sampled: lets a reader see that time has passed. */
  samples = $state.raw(0);

  readonly events = new Emitter<MachineEvents>();
  /** True once a guest has been powered on (it may since have been reset or have failed). */
  poweredOn = false;

  #options: MachineOptions;
  #emulator: V86 | null = null;
  // A plain cache of downloaded images, not UI state.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #images = new Map<string, GuestImages>();
  #wasm: Promise<WebAssembly.Module> | null = null;
  /** v86's JS is loaded on demand, in parallel with the images and the wasm. */
  #library: Promise<typeof V86> | null = null;
  #log = new OutputLog();
  #session = new DisposableStore();
  #readiness = new ReadinessDetector('');
  #watchdog: SilenceWatchdog | null = null;
  #counter = new InstructionTotal();
  #bootStartedAt = 0;
  #pending: number[] = [];
  #flushQueued = false;
  #statusBeforePause: MachineStatus = 'running';
  #generation = 0;

  constructor(options: MachineOptions) {
    this.#options = options;
  }

  /**
   * Loads the manifest and the profile's images if needed, then powers the guest on.
   * From the error state it is "try again": whatever was left of the failed attempt is released.
   */
  async start(profileId?: string): Promise<void> {
    if (this.status !== 'stopped' && this.status !== 'error') return;
    const generation = ++this.#generation;
    performance.mark('aula86:start');
    this.error = null;
    this.status = 'loading';
    await this.#teardown();
    if (typeof WebAssembly !== 'object') return this.#fail({ code: 'noWasm', params: {} });
    try {
      // Started first, awaited last: they load while the manifest and images download.
      // A failed load is forgotten, so Try again loads afresh.
      const library = (this.#library ??= (
        import(/* @vite-ignore */ this.#options.libraryUrl) as Promise<typeof import('v86')>
      ).then((module) => module.V86));
      const wasmModule = (this.#wasm ??= compileEmulatorWasm(this.#options.wasmUrl));
      library.catch(() => (this.#library = null));
      wasmModule.catch(() => (this.#wasm = null));
      this.manifest ??= await fetchManifest(this.#options.imagesBase);
      const manifest = this.manifest;
      const profile =
        manifest.profiles.find((p) => p.id === (profileId ?? manifest.defaultProfile)) ??
        manifest.profiles[0]!;
      this.profile = profile;
      const images = await this.#loadImages(profile);
      performance.mark('aula86:images-ready');
      const [wasm, Emulator] = await Promise.all([wasmModule, library]);
      performance.mark('aula86:wasm-ready');
      if (generation !== this.#generation) return;
      this.#powerOn(Emulator, profile, images, wasm);
    } catch (error) {
      if (generation === this.#generation) this.#fail(describeError(error));
    }
  }

  async pause(): Promise<void> {
    const emulator = this.#emulator;
    if (!emulator || (this.status !== 'running' && this.status !== 'booting')) return;
    this.#statusBeforePause = this.status;
    this.status = 'paused';
    await emulator.stop();
    this.#sample();
  }

  async resume(): Promise<void> {
    const emulator = this.#emulator;
    if (!emulator || this.status !== 'paused') return;
    this.status = this.#statusBeforePause;
    this.#watchdog?.touch(performance.now());
    await emulator.run();
  }

  /** Power-cycles the guest: a cold boot from the BIOS with the same images. */
  async reset(): Promise<void> {
    const profile = this.profile;
    const images = profile ? this.#images.get(profile.id) : undefined;
    const wasm = this.#wasm;
    const library = this.#library;
    if (!profile || !images || !wasm || !library || this.status === 'loading') return;
    const generation = ++this.#generation;
    await this.#teardown();
    const [module, Emulator] = await Promise.all([wasm, library]);
    if (generation !== this.#generation) return;
    this.#powerOn(Emulator, profile, images, module);
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
    this.#flush();
    const state = await emulator.save_state();
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
    await emulator.stop();
    this.#pending = [];
    await emulator.restore_state(state);
    this.#log.clear();
    this.#log.append(screen);
    this.#readiness.markReady(); // states are saved from a running shell
    this.#counter.reset();
    this.#sample();
    this.status = wasRunning ? 'running' : 'paused';
    this.#statusBeforePause = 'running';
    this.events.emit('restored', { screen });
    if (wasRunning) await emulator.run();
  }

  /** The console output since power-on (the most recent part), for a terminal that attaches late. */
  recentOutput(): Uint8Array {
    return this.#log.contents();
  }

  /** Types into the guest's serial console. */
  sendInput(data: string): void {
    if (this.status === 'paused') return;
    this.#emulator?.serial_send_bytes(0, new TextEncoder().encode(data));
  }

  /** Tells the guest the terminal's size; its init applies it to ttyS0 (see images/initramfs/init). */
  setTerminalSize(rows: number, cols: number): void {
    this.#emulator?.serial_send_bytes(1, new TextEncoder().encode(`${rows} ${cols}\n`));
  }

  /** The raw 32-bit instruction counter, for callers that measure rates themselves. */
  rawInstructionCounter(): number {
    return this.#emulator ? this.#emulator.get_instruction_counter() >>> 0 : 0;
  }

  /** Final: releases the emulator and every listener. */
  async destroy(): Promise<void> {
    this.#generation++;
    await this.#teardown();
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

  #powerOn(
    Emulator: typeof V86,
    profile: GuestProfile,
    images: GuestImages,
    wasm: WebAssembly.Module,
  ): void {
    // v86 takes ownership of the buffers it is given, so each boot gets its own copies.
    const options: V86Options = {
      wasm_fn: async (imports) => (await WebAssembly.instantiate(wasm, imports)).exports,
      bios: { buffer: images.bios.slice(0) },
      bzimage: { buffer: images.kernel.slice(0) },
      initrd: { buffer: images.initrd.slice(0) },
      cmdline: profile.cmdline,
      memory_size: profile.memoryBytes,
      vga_memory_size: 256 * 1024,
      uart1: true,
      disable_keyboard: true,
      disable_mouse: true,
      disable_speaker: true,
      autostart: true,
    };
    performance.mark('aula86:new-v86');
    const emulator = new Emulator(options);
    this.#emulator = emulator;
    this.#readiness = new ReadinessDetector(profile.readyText);
    this.#counter.reset();
    this.instructions = 0;
    this.bootMs = null;
    this.#bootStartedAt = performance.now();
    this.#watchdog = new SilenceWatchdog(profile.silenceLimitMs, this.#bootStartedAt);
    this.status = 'booting';
    this.#log.clear();
    this.poweredOn = true;
    this.events.emit('poweredOn', undefined);

    const onByte = (byte: number) => this.#queueByte(byte);
    emulator.add_listener('serial0-output-byte', onByte);
    this.#session.add(() => emulator.remove_listener('serial0-output-byte', onByte));

    const timer = setInterval(() => this.#tick(), SAMPLE_MS);
    this.#session.add(() => clearInterval(timer));
    this.#session.add(this.#catchEmulatorCrashes());
  }

  #queueByte(byte: number): void {
    this.#pending.push(byte);
    if (this.#flushQueued) return;
    this.#flushQueued = true;
    queueMicrotask(() => this.#flush());
  }

  #flush(): void {
    this.#flushQueued = false;
    if (this.#pending.length === 0) return;
    const chunk = Uint8Array.from(this.#pending);
    this.#pending = [];
    this.#watchdog?.touch(performance.now());
    this.#log.append(chunk);
    this.events.emit('output', chunk);
    if (this.#readiness.feed(chunk)) {
      performance.mark('aula86:prompt');
      this.bootMs = Math.round(performance.now() - this.#bootStartedAt);
      if (this.status === 'booting') this.status = 'running';
      this.events.emit('ready', { bootMs: this.bootMs });
    }
  }

  #tick(): void {
    this.#sample();
    const watchdog = this.#watchdog;
    if (this.status === 'booting' && watchdog?.expired(performance.now())) {
      this.#fail({ code: 'silent', params: { seconds: Math.round(watchdog.limitMs / 1000) } });
      void this.#emulator?.stop();
    }
  }

  #sample(): void {
    if (!this.#emulator) return;
    this.instructions = this.#counter.update(this.#emulator.get_instruction_counter());
    this.samples++;
  }

  /** v86 reports some failures only as uncaught errors: turn those into a visible error while booting. */
  #catchEmulatorCrashes(): Unsubscribe {
    const report = (reason: unknown) => {
      if (this.status !== 'booting') return;
      this.#fail({ code: 'emulator', params: { detail: messageOf(reason) } });
    };
    const offError = listen(window, 'error', (e) => report(e.error ?? e.message));
    const offRejection = listen(window, 'unhandledrejection', (e) => report(e.reason));
    return () => {
      offError();
      offRejection();
    };
  }

  async #teardown(): Promise<void> {
    this.#session.dispose();
    this.#pending = [];
    this.#watchdog = null;
    const emulator = this.#emulator;
    this.#emulator = null;
    if (emulator) await emulator.destroy();
  }

  #fail(error: MachineError): void {
    this.error = error;
    this.status = 'error';
    this.progress = null;
  }
}

function messageOf(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
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
  if (error instanceof WasmLoadError) return { code: 'wasm', params: { detail: error.message } };
  return { code: 'emulator', params: { detail: messageOf(error) } };
}
