// One machine of the lab: a facade over its parts (the shared guest source, its emulator worker,
// its serial console, its speed gauge) that powers it on, pauses, resets, saves and restores it,
// and shows its state as reactive fields. destroy() ends its worker and releases everything.
import { Emitter } from '../../common/events/emitter';
import { messageOf } from '../../common/errors';
import type { DownloadProgress, GuestImages } from '../guest/catalog';
import type { GuestSource } from '../guest/GuestSource';
import type { GuestProfile } from '../guest/manifest';
import { SpeedGauge } from '../metrics/SpeedGauge.svelte';
import type { Notice } from '../notices/notice';
import type { SnapshotOrigin } from '../../common/snapshots/format';
import { createWorkerEmulator, type CreateEmulator, type Emulator } from './EmulatorClient';
import type { MachineError } from './machineError';
import {
  PowerSession,
  type PowerNews,
  type PowerSource,
  type SpareSource,
  type StartedFrom,
} from './PowerSession';
import { SerialConsole } from './SerialConsole.svelte';
import { NetworkCard } from './NetworkCard.svelte';
import { MachineScreen } from '../screen/MachineScreen.svelte';
import { SharedFolder } from '../shared/SharedFolder.svelte';

export type { MachineError } from './machineError';
export type MachineStatus = 'loading' | 'booting' | 'running' | 'paused' | 'stopped' | 'error';
export type { StartedFrom } from './PowerSession';

export interface MachineOptions {
  name: string;
  guests: GuestSource;
  /** The emulator behind the machine (a worker; unit tests give a fake). */
  createEmulator?: CreateEmulator;
  /** Emulators made ready ahead, restored and stopped: a new machine adopts one. */
  spares?: SpareSource;
  /** Its card's MAC address (default: a new random one). */
  mac?: string;
}

let machines = 0;

export class Machine {
  /** Stable for the machine's life (its name may change): for element ids and keys. */
  readonly id = ++machines;
  /** The lab's name for it, which is also the guest's hostname (pc1, pc2, …). */
  name = $state.raw('');
  status = $state.raw<MachineStatus>('stopped');
  progress = $state.raw<DownloadProgress | null>(null);
  error = $state.raw<MachineError | null>(null);
  /** Something the user should know that is not an error (e.g. why the boot was a cold one). */
  note = $state.raw<Notice | null>(null);
  profile = $state.raw<GuestProfile | null>(null);
  bootMs = $state.raw<number | null>(null);
  startedFrom = $state.raw<StartedFrom | null>(null);
  /** True while a saved state is being put back into the emulator. */
  restoring = $state.raw(false);

  readonly console = new SerialConsole();
  readonly speed = new SpeedGauge();
  readonly nic: NetworkCard;
  /** The VGA screen of a guest whose profile has one. */
  readonly screen = new MachineScreen();
  /** Files in and out: the guest's /mnt/host. */
  readonly shared = new SharedFolder();
  /** The prompt is up after a power-on (ms it took), or the machine failed, or was restored. */
  readonly events = new Emitter<{
    ready: { bootMs: number };
    failed: MachineError;
    restored: null;
  }>();

  readonly #guests: GuestSource;
  readonly #power: PowerSession;
  #startOptions: { cold?: boolean } = {};
  #releasePause: (() => void) | null = null;
  #statusBeforePause: MachineStatus = 'running';

  constructor(options: MachineOptions) {
    this.name = options.name;
    this.nic = new NetworkCard(options.mac);
    this.#guests = options.guests;
    const starting = () => this.status === 'booting' || this.status === 'loading';
    this.#power = new PowerSession(
      {
        console: this.console,
        nic: this.nic,
        screen: this.screen,
        shared: this.shared,
        speed: this.speed,
        name: () => this.name,
        starting,
        running: () => this.status === 'running' || this.status === 'booting',
        report: (news) => this.#hear(news),
      },
      options.guests,
      options.createEmulator ?? createWorkerEmulator,
      options.spares,
    );
  }

  /** Emulated RAM of the guest it runs (or will run), bytes; null before its profile is known. */
  get memoryBytes(): number | null {
    return this.profile?.memoryBytes ?? null;
  }

  get #emulator(): Emulator | null {
    return this.#power.emulator;
  }

  /**
   * Resumes the profile's pre-booted state (or, with `cold`, when there is none or it does not
   * fit this build, boots from the BIOS with its images). From the error state it is "try
   * again": whatever was left of the failed attempt is released.
   */
  async start(profileId?: string, options: { cold?: boolean } = this.#startOptions): Promise<void> {
    if (this.status !== 'stopped' && this.status !== 'error') return;
    this.#startOptions = options; // Try again tries the same way
    this.note = null;
    this.error = null;
    this.status = 'loading';
    if (typeof WebAssembly !== 'object') return this.#fail({ code: 'noWasm', params: {} });
    return this.#power.cycle(async () => {
      const profile = (this.profile = await this.#guests.profile(profileId));
      this.nic.kind = profile.nic;
      const resumed = options.cold ? null : this.#power.bootStateSource(profile);
      return { profile, power: resumed ?? { images: await this.#loadImages(profile) } };
    });
  }

  async pause(): Promise<void> {
    const emulator = this.#emulator;
    if (!emulator || (this.status !== 'running' && this.status !== 'booting')) return;
    this.#statusBeforePause = this.status;
    this.status = 'paused';
    this.#releasePause ??= this.console.hold('pause');
    await emulator.stop();
  }

  async resume(): Promise<void> {
    const emulator = this.#emulator;
    if (!emulator || this.status !== 'paused') return;
    this.status = this.#statusBeforePause;
    this.#power.touch();
    await emulator.run();
    this.#letGoOfPause();
  }

  /** A fresh machine: the pre-booted state again if there is one (instant), else a cold boot. */
  async reset(): Promise<void> {
    const profile = this.profile;
    if (!profile) return;
    return this.#restart(
      async () =>
        this.#power.bootStateSource(profile) ?? { images: await this.#loadImages(profile) },
    );
  }

  /**
   * Another guest profile (e.g. the same guest with another network card): the machine is
   * powered off and on again with it, from its pre-booted state if it has one.
   */
  async changeProfile(profile: GuestProfile): Promise<void> {
    if (this.status === 'loading' || profile.id === this.profile?.id) return;
    this.profile = profile;
    this.nic.kind = profile.nic;
    return this.reset();
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
    return this.#power.cycle(async () => ({ profile, power: await source() }));
  }

  /** Bytes the guest wrote to its disk's overlay (a hard-disk guest of the user's). */
  async diskChanges(): Promise<number> {
    return (await this.#emulator?.diskChanges()) ?? 0;
  }

  /** What a saved state of this machine is tied to, or null before it runs. */
  origin(): SnapshotOrigin | null {
    return this.profile && this.#emulator ? this.#guests.origin(this.profile) : null;
  }

  /** The whole machine state (v86's save_state), with the console output that goes with it. */
  async saveState(): Promise<{ state: ArrayBuffer; screen: Uint8Array; origin: SnapshotOrigin }> {
    const emulator = this.#emulator;
    const origin = this.origin();
    if (!emulator || !origin || (this.status !== 'running' && this.status !== 'paused')) {
      throw new Error('no running machine to save');
    }
    const state = await emulator.saveState();
    return { state, screen: this.console.recentOutput(), origin };
  }

  /**
   * Puts the machine back into a saved state. The caller has checked it belongs to this machine
   * (same v86, guest images and memory). The screen is replaced by the output saved with it,
   * and the guest keeps this machine's name whichever machine the state was saved from.
   */
  async restoreState(state: ArrayBuffer, screen: Uint8Array): Promise<void> {
    const emulator = this.#emulator;
    if (!emulator) throw new Error('no machine to restore into');
    const wasRunning = this.status !== 'paused';
    this.restoring = true;
    const release = this.console.hold('restore');
    try {
      try {
        await emulator.stop();
        await emulator.restoreState(state);
      } catch (error) {
        // The old machine is half overwritten: it must not pass for running.
        this.#fail({ code: 'stateRejected', params: { detail: messageOf(error) } });
        throw error;
      } finally {
        this.restoring = false;
      }
      this.speed.reset(false);
      this.speed.jit = true; // a restored emulator keeps its settings; JIT is the lab's default
      await emulator.setJit(true);
      this.status = wasRunning ? 'running' : 'paused';
      this.#statusBeforePause = 'running';
      const running = wasRunning ? emulator.run() : null;
      await this.console.showRestoredAs(new TextDecoder().decode(screen), this.name, running);
    } finally {
      release();
    }
    this.events.emit('restored', null);
  }

  /** Resolves when the machine runs (at once if it does); rejects if it fails first. */
  whenRunning(): Promise<void> {
    if (this.status === 'running') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const undo = [
        this.events.on('ready', () => done(null)),
        this.events.on('failed', (error) => done(new Error(error.code))),
      ];
      const done = (error: Error | null) => {
        for (const u of undo) u();
        if (error) reject(error);
        else resolve();
      };
    });
  }

  /** True when the guest runs and its console is at a shell prompt (nothing in the foreground). */
  shellIdle(): boolean {
    return this.status === 'running' && this.console.atPrompt();
  }

  /** Turns v86's JIT on or off for the running guest. */
  async setJit(enabled: boolean): Promise<void> {
    const emulator = this.#emulator;
    if (!emulator) throw new Error('no machine');
    await emulator.setJit(enabled);
    this.speed.jit = enabled;
  }

  /** A new name (checked by the lab): the guest's hostname follows. */
  rename(name: string): void {
    this.name = name;
    this.console.setHostname(name);
    this.nic.relabel(name);
  }

  /** Final: ends the emulator worker and releases every listener. */
  destroy(): void {
    this.#power.end();
    this.nic.dispose();
    this.console.dispose();
    this.speed.dispose();
    this.events.clear();
    this.status = 'stopped';
  }

  /** What the power-on sequence did. */
  #hear(news: PowerNews): void {
    switch (news.kind) {
      case 'poweredOn':
        return this.#poweredOn(news.from);
      case 'ready':
        return this.#reachedPrompt(news.bootMs);
      case 'failed':
        return this.#fail(news.error);
      case 'progress':
        this.progress = news.progress;
        return;
      case 'note':
        this.note = news.note;
        return;
      case 'rebooted':
        return void this.coldBoot();
    }
  }

  /** The profile's images (downloaded once for the whole lab), with progress while they come. */
  async #loadImages(profile: GuestProfile): Promise<GuestImages> {
    const images = await this.#guests.images(profile, (p) => (this.progress = p));
    this.progress = null;
    return images;
  }

  /** A power-on began: the figures start again. */
  #poweredOn(startedFrom: StartedFrom): void {
    this.speed.reset(true);
    this.speed.jit = true;
    this.bootMs = null;
    this.status = 'booting';
    this.startedFrom = startedFrom;
    this.#letGoOfPause(); // the next machine starts running, not paused
  }

  /** The shell prompt is up, booted or resumed: the boot time, and the machine is running. */
  #reachedPrompt(bootMs: number): void {
    this.bootMs = bootMs;
    if (this.status === 'booting') this.status = 'running';
    this.#statusBeforePause = 'running';
    this.console.announceReady();
    this.events.emit('ready', { bootMs });
  }

  #fail(error: MachineError): void {
    this.error = error;
    this.status = 'error';
    this.progress = null;
    // No machine runs to take what was typed for it.
    this.console.discardHeld();
    this.#power.failed();
    this.#letGoOfPause();
    this.events.emit('failed', error);
  }

  #letGoOfPause(): void {
    this.#releasePause?.();
    this.#releasePause = null;
  }
}
