// One machine of the lab: a facade over its parts (the shared guest source, its emulator worker,
// its serial console, its speed gauge) that powers it on, pauses, resets, saves and restores it,
// and shows its state as reactive fields. destroy() ends its worker and releases everything.
import { messageOf } from '../../common/errors';
import { MachineState, type MachineStatus } from './MachineState.svelte';
import type { GuestSource } from '../guest/GuestSource';
import type { GuestProfile } from '../guest/manifest';
import { SpeedGauge } from '../metrics/SpeedGauge.svelte';
import type { Notice } from '../notices/notice';
import type { SnapshotOrigin } from '../../common/snapshots/format';
import { createWorkerEmulator, type CreateEmulator, type Emulator } from './EmulatorClient';
import type { MachineError } from './machineError';
import { PowerSession } from './PowerSession';
import type { PowerNews, SpareSource } from './power';
import { PowerSources, type PowerSource } from './PowerSources';
import { SerialConsole } from './SerialConsole.svelte';
import { DriverSeat, DriveRefused, type Drive, type Driver } from './DriverSeat.svelte';
import { NetworkCard } from './NetworkCard.svelte';
import { MachineScreen } from '../screen/MachineScreen.svelte';
import { SharedFolder } from '../shared/SharedFolder.svelte';
import { GuestAgent } from '../agent/GuestAgent';

export type { MachineError } from './machineError';
export type { MachineStatus } from './MachineState.svelte';
export type { StartedFrom } from './power';

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
  profile = $state.raw<GuestProfile | null>(null);

  readonly console = new SerialConsole();
  /** Who drives the console now: one program at a time (see drive()). */
  readonly seat = new DriverSeat(this.console, () => this.name);
  readonly speed = new SpeedGauge();
  readonly nic: NetworkCard;
  /** The VGA screen of a guest whose profile has one. */
  readonly screen = new MachineScreen();
  /** Files in and out: the guest's /mnt/host. */
  readonly shared = new SharedFolder();
  /** Answers from the guest for the lab's programs, out of the student's sight. */
  readonly agent = new GuestAgent();
  /** What it is doing, as shown (status, progress, error, note, boot time). */
  readonly state = new MachineState({
    hold: (owner) => this.console.hold(owner),
    failed: () => {
      this.console.discardHeld(); // no machine runs to take what was typed for it
      this.#power.failed();
    },
  });
  /** The prompt is up after a power-on (ms it took), or the machine failed, or was restored. */
  readonly events = this.state.events;

  readonly #guests: GuestSource;
  readonly #power: PowerSession;
  readonly #sources: PowerSources;
  #startOptions: { cold?: boolean } = {};

  constructor(options: MachineOptions) {
    this.name = options.name;
    this.nic = new NetworkCard(options.mac);
    this.#guests = options.guests;
    const starting = () => this.status === 'booting' || this.status === 'loading';
    const hear = (news: PowerNews) => this.#hear(news);
    this.#sources = new PowerSources(options.guests, hear);
    this.#power = new PowerSession(
      {
        console: this.console,
        nic: this.nic,
        screen: this.screen,
        shared: this.shared,
        speed: this.speed,
        agent: this.agent,
        name: () => this.name,
        starting,
        running: () => this.state.running,
        report: hear,
      },
      options.guests,
      options.createEmulator ?? createWorkerEmulator,
      options.spares,
    );
  }

  get status(): MachineStatus {
    return this.state.status;
  }
  get error(): MachineError | null {
    return this.state.error;
  }
  get note(): Notice | null {
    return this.state.note;
  }

  /** Emulated RAM of the guest it runs (or will run), bytes; null before its profile is known. */
  get memoryBytes(): number | null {
    return this.profile?.memoryBytes ?? null;
  }

  /**
   * Resumes the profile's pre-booted state (or, with `cold`, when there is none or it does not
   * fit this build, boots from the BIOS with its images). From the error state it is "try
   * again": whatever was left of the failed attempt is released.
   */
  async start(profileId?: string, options: { cold?: boolean } = this.#startOptions): Promise<void> {
    if (this.status !== 'stopped' && this.status !== 'error') return;
    this.#startOptions = options; // Try again tries the same way
    this.state.loading();
    if (typeof WebAssembly !== 'object') return this.state.fail({ code: 'noWasm', params: {} });
    return this.#power.cycle(async () => {
      const profile = (this.profile = await this.#guests.profile(profileId));
      this.nic.kind = profile.nic;
      return { profile, power: await this.#fresh(profile, options.cold) };
    });
  }

  async pause(): Promise<void> {
    const emulator = this.#power.emulator;
    if (emulator && this.state.pause()) await emulator.stop();
  }

  async resume(): Promise<void> {
    const emulator = this.#power.emulator;
    if (!emulator || this.status !== 'paused') return;
    this.#power.touch();
    await this.state.resume(emulator.run());
  }

  /** Runs `work` as the console's one driver (see DriverSeat): the student's typing waits
   * meanwhile; refused (DriveRefused, naming it) while another program drives. */
  drive<T>(
    owner: Driver,
    work: (drive: Drive) => Promise<T>,
    options?: { timeoutMs?: number; by?: Drive },
  ): Promise<T> {
    return this.seat.drive(owner, work, options);
  }

  /** A fresh machine: the pre-booted state again if there is one, else a cold boot; it drives
   * the console until the new guest is up (`by`: inside a drive the caller holds). */
  async reset(by?: Drive): Promise<void> {
    const profile = this.profile;
    if (!profile) return;
    return this.#restart(() => this.#fresh(profile), by);
  }

  /** Another guest profile (the same guest with another card): powered off and on with it. */
  async changeProfile(profile: GuestProfile, by?: Drive): Promise<void> {
    const same =
      profile.id === this.profile?.id && profile.memoryBytes === this.profile.memoryBytes;
    if (this.status === 'loading' || same) return;
    this.profile = profile;
    this.nic.kind = profile.nic;
    return this.reset(by);
  }

  /** Power-cycles the guest from the BIOS with its images: the whole boot, for the lesson
   * (`by` null: the guest's own reboot, which drives nothing). */
  async coldBoot(by?: Drive | null): Promise<void> {
    const profile = this.profile;
    if (!profile) return;
    return this.#restart(() => this.#sources.images(profile), by);
  }

  /** Powers the guest off and on from `source`, driving the console until it is up. */
  async #restart(source: () => Promise<PowerSource>, by?: Drive | null): Promise<void> {
    const profile = this.profile;
    if (!profile || this.status === 'loading') return;
    const cycle = async () => {
      await this.#power.cycle(async () => ({ profile, power: await source() }));
      await this.#power.settled();
    };
    // The guest's own reboot (null) is no program's: it drives nothing.
    if (by === null) return cycle();
    // Asked for by the user (no drive) while a program drives: the machine says who does.
    const reset = () => {
      this.state.note = null; // a note of the machine before
      return cycle();
    };
    return this.seat.drive('reset', reset, { by }).catch((error: unknown) => {
      if (by || !(error instanceof DriveRefused)) throw error;
      this.state.note = error.notice;
    });
  }

  /** The emulator itself, for the program driving the machine (a migration moves the guest). */
  emulatorFor(by: Drive): Emulator {
    const emulator = this.#power.emulator;
    if (!emulator || !this.seat.holds(by)) throw new Error('only the driver reaches the emulator');
    return emulator;
  }

  /** Bytes the guest wrote to its disk's overlay (a hard-disk guest of the user's). */
  async diskChanges(): Promise<number> {
    return (await this.#power.emulator?.diskChanges()) ?? 0;
  }

  /** What a saved state of this machine is tied to, or null before it runs. */
  origin(): SnapshotOrigin | null {
    return this.profile && this.#power.emulator ? this.#guests.origin(this.profile) : null;
  }

  /** The whole machine state (v86's save_state), with the console output that goes with it. */
  async saveState(): Promise<{ state: ArrayBuffer; screen: Uint8Array; origin: SnapshotOrigin }> {
    const emulator = this.#power.emulator;
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
  async restoreState(state: ArrayBuffer, screen: Uint8Array, by: Drive): Promise<void> {
    const emulator = this.#power.emulator;
    if (!emulator) throw new Error('no machine to restore into');
    if (!this.seat.holds(by)) throw new Error('a restore drives the machine first');
    const wasRunning = this.status !== 'paused';
    try {
      await emulator.stop();
      await emulator.restoreState(state);
    } catch (error) {
      // The old machine is half overwritten: it must not pass for running.
      this.state.fail({ code: 'stateRejected', params: { detail: messageOf(error) } });
      throw error;
    }
    this.speed.reset(false);
    this.speed.jit = true; // a restored emulator keeps its settings; JIT is the lab's default
    await emulator.setJit(true);
    this.state.restored(wasRunning);
    const running = wasRunning ? emulator.run() : null;
    await this.console.showRestoredAs(new TextDecoder().decode(screen), this.name, running);
    this.events.emit('restored', null);
  }

  /** True when the guest runs and its console is at a shell prompt (nothing in the foreground). */
  shellIdle(): boolean {
    return this.status === 'running' && this.console.atPrompt();
  }

  /** Turns v86's JIT on or off for the running guest. */
  async setJit(enabled: boolean): Promise<void> {
    const emulator = this.#power.emulator;
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
    this.state.dispose();
  }

  /** What the power-on sequence did: the figures start again at a power-on. */
  #hear(news: PowerNews): void {
    if (news.kind === 'poweredOn') {
      this.speed.reset(true);
      this.speed.jit = true;
    }
    this.state.hear(news, () => void this.coldBoot(null));
    if (news.kind === 'ready') this.console.announceReady();
  }

  /** The pre-booted state (downloaded by the next worker), else the images. */
  #fresh(profile: GuestProfile, cold?: boolean): Promise<PowerSource> {
    return this.#sources.fresh(profile, this.#power.fetchState, cold);
  }
}
