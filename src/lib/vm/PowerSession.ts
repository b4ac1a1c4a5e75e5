// The power-on sequence of one machine: its current emulator worker, the next one started while
// the guest downloads, the worker's reports routed to the machine's parts, the boot watchdog and
// the teardown. A newer attempt, or end(), makes an older one drop out silently.
import type { GuestSource } from '../guest/GuestSource';
import { hardwareOf, type GuestProfile } from '../guest/manifest';
import { info } from '../notices/notice';
import type { CreateEmulator, Emulator, EmulatorListener } from './EmulatorClient';
import type { CounterReading, PowerOnConfig, StateRequest } from '../../common/protocol/emulator';
import type { GuestImages } from '../guest/catalog';
import type { Machine } from './Machine.svelte';
import { describeError } from './machineError';
import { SilenceWatchdog } from './readiness';

const WATCHDOG_MS = 500;

/** Where a machine can get an emulator made ready ahead (lab/SpareEmulator.ts). */
export interface SpareSource {
  take(profile: GuestProfile, listener: EmulatorListener): Emulator | null;
}

/** What to power on: images to boot from the BIOS, or a saved state to resume. */
export type PowerSource =
  | { images: GuestImages }
  | { state: ArrayBuffer; gzipped: boolean; screen: string }
  /** The pre-booted state, downloaded and decoded by the emulator worker itself. */
  | { download: StateRequest; screen: string };

export class PowerSession {
  /** The emulator the machine runs on now (null: none). */
  emulator: Emulator | null = null;
  #next: Emulator | null = null;
  #nextListener: EmulatorListener | null = null;
  #generation = 0;
  #profile: GuestProfile | null = null;
  #timer: ReturnType<typeof setInterval> | undefined;
  #watchdog: SilenceWatchdog | null = null;
  #bootStartedAt = 0;
  #onResumed: (() => Promise<void>) | null = null;
  /** Typing from a power-on until its prompt goes to the new machine, whole. */
  #releaseHold: (() => void) | null = null;

  constructor(
    private readonly machine: Machine,
    private readonly guests: GuestSource,
    private readonly createEmulator: CreateEmulator,
    /** Emulators made ready ahead, restored and stopped (see lab/SpareEmulator.ts). */
    private readonly spares: SpareSource | null = null,
  ) {}

  /**
   * One attempt to power on: the previous emulator goes, the next one's worker starts loading
   * v86 at once (before anything is awaited: in parallel with `source`, which gets the guest),
   * then powers on.
   */
  async cycle(source: () => Promise<{ profile: GuestProfile; power: PowerSource }>): Promise<void> {
    const generation = ++this.#generation;
    this.#teardown();
    this.#releaseHold ??= this.machine.console.hold('power');
    this.#prepare(generation);
    try {
      const { profile, power } = await source();
      if (generation === this.#generation) this.#powerOn(profile, power);
    } catch (error) {
      if (generation === this.#generation) this.machine.fail(describeError(error));
    }
  }

  /**
   * The profile's pre-booted state if this build can resume it: a copy kept from an earlier
   * start (of any machine), or a download the next emulator worker starts at once. Else null,
   * with a note saying why the boot will be a cold one.
   */
  bootStateSource(profile: GuestProfile): PowerSource | null {
    const start = this.guests.bootStart(profile);
    switch (start.kind) {
      case 'none':
        return null;
      case 'incompatible':
        this.machine.note = info('machine.note.bootStateIncompatible', {
          reasons: start.reasons.join(', '),
        });
        return null;
      case 'kept':
        return { state: start.state, gzipped: start.gzipped, screen: start.screen };
      case 'download':
        this.#next?.fetchState(start.request);
        return { download: start.request, screen: start.screen };
    }
  }

  /** The guest is alive (it was resumed from a pause): the boot watchdog starts counting again. */
  touch(): void {
    this.#watchdog?.touch(performance.now());
  }

  /** The machine failed: typing waits for nothing any more. */
  failed(): void {
    this.#releaseHold?.();
    this.#releaseHold = null;
  }

  end(): void {
    this.#generation++;
    this.#teardown();
    this.failed();
  }

  #prepare(generation: number): void {
    const current = () => generation === this.#generation;
    const m = this.machine;
    const listener: EmulatorListener = {
      output: (bytes, reading) => {
        if (!current()) return;
        this.#count(reading);
        this.#watchdog?.touch(performance.now());
        if (m.console.receive(bytes)) void this.#promptUp(generation);
        else this.#shownSomething();
      },
      control: (line) => {
        if (current()) m.console.receiveControl(line);
      },
      frames: (frames) => {
        if (current()) m.nic.transmit(frames);
      },
      screen: (frame) => {
        if (!current()) return;
        m.screen.receive(frame);
        this.#watchdog?.touch(performance.now());
        this.#shownSomething();
      },
      reboot: () => {
        if (current()) void m.coldBoot();
      },
      counter: (reading) => {
        if (current()) this.#count(reading);
      },
      crash: (message) => {
        // A crash while booting is an error the user must see; later ones leave the guest as is.
        if (current() && (m.status === 'booting' || m.status === 'loading')) {
          m.fail({ code: 'emulator', params: { detail: message } });
        }
      },
      wasmFailed: (message) => {
        if (current()) m.fail({ code: 'wasm', params: { detail: message } });
      },
      compiled: (module) => this.guests.keepWasm(module),
      resumed: () => {
        if (current()) void this.#onResumed?.().then(() => current() && this.#reachedPrompt());
      },
      parked: () => undefined, // only spares are parked, and they are adopted once parked
      stateProgress: (loaded, total) => {
        const file = this.#profile?.bootState?.file.name ?? '';
        if (current()) m.progress = { file, loaded, total };
      },
      stateFetched: (served, gzipped) => {
        if (this.#profile) this.guests.keepBootState(this.#profile, served, gzipped);
        if (current()) m.progress = null;
      },
      stateFailed: (_kind, message) => {
        if (current()) this.#bootStateFailed(message);
      },
    };
    this.#next = this.createEmulator(this.guests.emulatorSetup(), listener);
    this.#nextListener = listener;
  }

  #powerOn(profile: GuestProfile, power: PowerSource): void {
    const listener = this.#nextListener;
    // The pre-booted state, restored already in a spare: that one runs, the new worker goes.
    const spare = 'images' in power || !listener ? null : this.spares?.take(profile, listener);
    if (spare) this.#next?.destroy();
    const emulator = spare ?? this.#next;
    if (!emulator || !listener) throw new Error('no emulator worker prepared');
    this.#next = this.#nextListener = null;
    this.#profile = profile;
    performance.mark('aula86:new-v86');
    const ran = Promise.resolve();
    this.#onResumed =
      'screen' in power ? () => m.console.showRestoredAs(power.screen, m.name, ran) : null;
    const m = this.machine;
    if (spare)
      void spare.run().then(
        () => listener.resumed(),
        (e: unknown) => listener.crash(String(e)),
      );
    else
      emulator.powerOn({
        memoryBytes: profile.memoryBytes,
        hardware: hardwareOf(profile),
        ...powerOnSource(power, profile),
      });
    this.emulator = emulator;
    m.console.connect((port, bytes) => emulator.sendSerial(port, bytes));
    m.nic.connect((frames) => emulator.receiveFrames(frames));
    m.screen.connect(emulator);
    m.shared.connect(emulator);
    m.console.powerOn(profile.readyText);
    this.#bootStartedAt = performance.now();
    this.#watchdog = new SilenceWatchdog(profile.silenceLimitMs, this.#bootStartedAt);
    m.poweredOn('images' in power ? 'coldBoot' : 'bootState');
    this.#timer = setInterval(() => this.#tick(), WATCHDOG_MS);
  }

  /** A booted guest's shell printed its prompt: it gets the machine's name, then it is up. */
  async #promptUp(generation: number): Promise<void> {
    await this.machine.console.nameAtPrompt(this.machine.name);
    if (generation === this.#generation) this.#reachedPrompt();
  }

  /** A guest of the user's is up as soon as it shows anything (its prompt is not known). */
  #shownSomething(): void {
    if (this.#profile?.readyText === null && this.machine.status === 'booting') {
      this.#reachedPrompt();
    }
  }

  #reachedPrompt(): void {
    performance.mark('aula86:prompt');
    this.machine.reachedPrompt(Math.round(performance.now() - this.#bootStartedAt));
    this.failed(); // not a failure: the hold is let go the same way
  }

  /** The pre-booted state could not be had: a cold boot instead, and a note saying why. */
  #bootStateFailed(message: string): void {
    const m = this.machine;
    m.progress = null;
    const file = this.#profile?.bootState?.file.name ?? '';
    m.note = info('machine.note.bootStateUnavailable', { detail: `${file}: ${message}` });
    void m.coldBoot();
  }

  #tick(): void {
    const watchdog = this.#watchdog;
    const m = this.machine;
    if (m.status === 'booting' && watchdog?.expired(performance.now())) {
      const seconds = Math.round(watchdog.limitMs / 1000);
      if (this.#profile?.user) {
        // A guest of the user's may write where the lab does not look: it keeps running.
        m.note = info('screen.silent', { seconds });
        this.#watchdog = null;
        return;
      }
      m.fail({ code: 'silent', params: { seconds } });
      void this.emulator?.stop().catch(() => undefined);
    }
  }

  #count(reading: CounterReading): void {
    const status = this.machine.status;
    this.machine.speed.count(reading, status === 'running' || status === 'booting');
  }

  #teardown(): void {
    clearInterval(this.#timer);
    this.#watchdog = null;
    this.#onResumed = null;
    this.machine.console.connect(null);
    this.machine.nic.connect(null);
    this.machine.screen.connect(null);
    this.machine.shared.connect(null);
    const emulators = [this.emulator, this.#next];
    this.emulator = this.#next = null;
    for (const emulator of emulators) emulator?.destroy();
  }
}

/** What the worker powers on from; the images are copied, as the worker takes what it is given. */
function powerOnSource(
  power: PowerSource,
  profile: GuestProfile,
): Omit<PowerOnConfig, 'memoryBytes' | 'hardware'> {
  if ('images' in power) {
    const { bios, kernel, initrd, vgaBios, media } = power.images;
    const boot = {
      bios: bios.slice(0),
      vgaBios: vgaBios?.slice(0) ?? null,
      kernel: kernel?.slice(0) ?? null,
      initrd: initrd?.slice(0) ?? null,
      media, // a Blob: the worker gets a handle on the same file, not a copy
    };
    return { boot: { ...boot, cmdline: profile.cmdline } };
  }
  if ('download' in power) return { fetchedState: power.download };
  return { state: power.state, stateGzipped: power.gzipped };
}
