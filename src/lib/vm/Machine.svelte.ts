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
import type { GuestProfile, Manifest } from '../guest/manifest';
import { InstructionTotal } from '../metrics/instructionCounter';
import { ReadinessDetector, SilenceWatchdog } from './readiness';
import { compileEmulatorWasm, WasmLoadError } from './wasm';
import { OutputLog } from './outputLog';
import { WorkerEmulator } from './WorkerEmulator';
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
  #emulator: WorkerEmulator | null = null;
  // A plain cache of downloaded images, not UI state.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #images = new Map<string, GuestImages>();
  #wasm: Promise<WebAssembly.Module> | null = null;
  #log = new OutputLog();
  #session = new DisposableStore();
  #readiness = new ReadinessDetector('');
  #watchdog: SilenceWatchdog | null = null;
  #counter = new InstructionTotal();
  #bootStartedAt = 0;
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
      // Started first, awaited last: it compiles while the manifest and images download.
      // A failed load is forgotten, so Try again loads afresh.
      const wasmModule = (this.#wasm ??= compileEmulatorWasm(this.#options.wasmUrl));
      wasmModule.catch(() => (this.#wasm = null));
      this.manifest ??= await fetchManifest(this.#options.imagesBase);
      const manifest = this.manifest;
      const profile =
        manifest.profiles.find((p) => p.id === (profileId ?? manifest.defaultProfile)) ??
        manifest.profiles[0]!;
      this.profile = profile;
      const images = await this.#loadImages(profile);
      performance.mark('aula86:images-ready');
      const wasm = await wasmModule;
      performance.mark('aula86:wasm-ready');
      if (generation !== this.#generation) return;
      this.#powerOn(profile, images, wasm);
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
    if (!profile || !images || !wasm || this.status === 'loading') return;
    const generation = ++this.#generation;
    await this.#teardown();
    const module = await wasm;
    if (generation !== this.#generation) return;
    this.#powerOn(profile, images, module);
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
    await emulator.stop();
    await emulator.restoreState(state);
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
    this.#emulator?.sendSerial(0, new TextEncoder().encode(data));
  }

  /** Tells the guest the terminal's size; its init applies it to ttyS0 (see images/initramfs/init). */
  setTerminalSize(rows: number, cols: number): void {
    this.#emulator?.sendSerial(1, new TextEncoder().encode(`${rows} ${cols}\n`));
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

  #powerOn(profile: GuestProfile, images: GuestImages, wasm: WebAssembly.Module): void {
    performance.mark('aula86:new-v86');
    // The worker takes ownership of the buffers it is given, so each boot gets its own copies.
    this.#emulator = new WorkerEmulator(
      {
        libraryUrl: this.#options.libraryUrl,
        wasm,
        bios: images.bios.slice(0),
        kernel: images.kernel.slice(0),
        initrd: images.initrd.slice(0),
        cmdline: profile.cmdline,
        memoryBytes: profile.memoryBytes,
      },
      (bytes) => this.#output(bytes),
      (message) => {
        // A crash while booting is an error the user must see; later ones leave the guest as is.
        if (this.status === 'booting' || this.status === 'loading') {
          this.#fail({ code: 'emulator', params: { detail: message } });
        }
      },
    );
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

    const timer = setInterval(() => this.#tick(), SAMPLE_MS);
    this.#session.add(() => clearInterval(timer));
  }

  #output(chunk: Uint8Array): void {
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
    this.instructions = this.#counter.update(this.#emulator.instructionCounter());
    this.samples++;
  }

  async #teardown(): Promise<void> {
    this.#session.dispose();
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
