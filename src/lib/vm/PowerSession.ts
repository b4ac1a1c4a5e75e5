// The power-on sequence of one machine: its current emulator worker, the next one started while
// the guest downloads, the boot watchdog and the teardown. It talks to the machine through a
// narrow port (the parts it connects to each emulator, and one callback for what happened),
// never to the Machine itself. A newer attempt, or end(), makes an older one drop out silently.
import { DisposableStore } from '../../common/events/emitter';
import type { GuestSource } from '../guest/GuestSource';
import { hardwareOf, type GuestProfile } from '../guest/manifest';
import { info } from '../notices/notice';
import type { CreateEmulator, Emulator } from './EmulatorClient';
import type { StateRequest } from '../../common/protocol/emulator';
import { describeError, type MachineError } from './machineError';
import { SilenceWatchdog } from './readiness';
import type { PowerPort, SpareSource } from './power';
import { powerOnSource, type PowerSource } from './PowerSources';

const WATCHDOG_MS = 500;

export class PowerSession {
  /** The emulator the machine runs on now (null: none). */
  emulator: Emulator | null = null;
  #next: Emulator | null = null;
  /** This attempt's own subscriptions to its emulator's events. */
  #listening = new DisposableStore();
  #generation = 0;
  #profile: GuestProfile | null = null;
  #timer: ReturnType<typeof setInterval> | undefined;
  #watchdog: SilenceWatchdog | null = null;
  #bootStartedAt = 0;
  /** This attempt's guest reached its prompt. */
  #up = false;
  #onResumed: (() => Promise<void>) | null = null;
  /** Resolved when this attempt settles: its guest is up, it failed, or it was given up. */
  #settled = settling();
  /** Typing from a power-on until its prompt goes to the new machine, whole. */
  #releaseHold: (() => void) | null = null;

  constructor(
    private readonly port: PowerPort,
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
    this.#settled = settling();
    this.#releaseHold ??= this.port.console.hold('power');
    this.#next = this.createEmulator(this.guests.emulatorSetup());
    this.#listen(this.#next, generation);
    try {
      const { profile, power } = await source();
      if (generation === this.#generation) this.#powerOn(profile, power, generation);
    } catch (error) {
      if (generation === this.#generation) this.#fail(describeError(error));
    }
  }

  /**
   * Resolves when the latest attempt settles: its guest reached its prompt, it failed, the
   * watchdog stopped watching a silent guest of the user's, or a newer attempt replaced it.
   */
  settled(): Promise<void> {
    return this.#settled.promise;
  }

  /** Where a power-on can fetch the pre-booted state: the next emulator worker, at once. */
  readonly fetchState = (request: StateRequest): void => this.#next?.fetchState(request);

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

  /** This attempt hears its emulator: the power-on's own events (the parts hear theirs). */
  #listen(emulator: Emulator, generation: number): void {
    const current = () => generation === this.#generation;
    const on = this.#listening;
    on.dispose();
    on.add(emulator.on('compiled', (module) => this.guests.keepWasm(module)));
    on.add(
      emulator.on('wasmFailed', (detail) => {
        if (current()) this.#fail({ code: 'wasm', params: { detail } });
      }),
    );
    on.add(
      emulator.onCrash((error) => {
        // A crash while booting is an error the user must see; later ones leave the guest as is.
        if (current() && this.port.starting()) {
          this.#fail({ code: 'emulator', params: { detail: error.message } });
        }
      }),
    );
    on.add(
      emulator.on('stateProgress', ({ loaded, total }) => {
        const file = this.#profile?.bootState?.file.name ?? '';
        if (current()) this.port.report({ kind: 'progress', progress: { file, loaded, total } });
      }),
    );
    on.add(
      emulator.on('stateFetched', ({ served, gzipped }) => {
        if (this.#profile) this.guests.keepBootState(this.#profile, served, gzipped);
        if (current()) this.port.report({ kind: 'progress', progress: null });
      }),
    );
    on.add(
      emulator.on('stateFailed', ({ message }) => {
        if (current()) this.#bootStateFailed(message);
      }),
    );
    on.add(emulator.on('resumed', () => this.#resumed(generation)));
    on.add(
      emulator.on('reboot', () => {
        if (current()) this.port.report({ kind: 'rebooted' });
      }),
    );
    on.add(
      emulator.on('screen', () => {
        this.#watchdog?.touch(performance.now());
        this.#shownSomething();
      }),
    );
    const { console } = this.port;
    on.add(
      console.events.on('output', () => {
        this.#watchdog?.touch(performance.now());
        this.#shownSomething();
      }),
    );
    on.add(console.events.on('prompt', () => void this.#promptUp(generation)));
  }

  #powerOn(profile: GuestProfile, power: PowerSource, generation: number): void {
    // The pre-booted state, restored already in a spare: that one runs, the new worker goes.
    const spare = 'images' in power ? null : (this.spares?.take(profile) ?? null);
    if (spare) {
      this.#next?.destroy();
      this.#listen(spare, generation);
    }
    const emulator = spare ?? this.#next;
    if (!emulator) throw new Error('no emulator worker prepared');
    this.#next = null;
    this.#profile = profile;
    this.#up = false;
    performance.mark('aula86:new-v86');
    const { console, nic, screen, shared, speed, agent } = this.port;
    const ran = Promise.resolve();
    this.#onResumed =
      'screen' in power ? () => console.showRestoredAs(power.screen, this.port.name(), ran) : null;
    this.emulator = emulator;
    // The gauge first: a reading is counted before the output that came with it is shown.
    speed.connect(emulator, () => this.port.running());
    console.connect(emulator);
    nic.connect(emulator);
    screen.connect(emulator);
    shared.connect(emulator);
    agent.connect(emulator);
    console.powerOn(profile.readyText);
    this.#bootStartedAt = performance.now();
    this.#watchdog = new SilenceWatchdog(profile.silenceLimitMs, this.#bootStartedAt);
    this.port.report({ kind: 'poweredOn', from: 'images' in power ? 'coldBoot' : 'bootState' });
    this.#timer = setInterval(() => this.#tick(), WATCHDOG_MS);
    if (spare) {
      spare.run().then(
        () => this.#resumed(generation),
        (error: unknown) => {
          if (generation === this.#generation)
            this.#fail({ code: 'emulator', params: { detail: String(error) } });
        },
      );
    } else
      emulator.powerOn({
        memoryBytes: profile.memoryBytes,
        hardware: hardwareOf(profile),
        ...powerOnSource(power, profile, console.language),
      });
  }

  /** A saved state runs: the screen saved with it is shown under this machine's name, then it is up. */
  #resumed(generation: number): void {
    if (generation !== this.#generation) return;
    void (this.#onResumed?.() ?? Promise.resolve()).then(
      () => generation === this.#generation && this.#reachedPrompt(),
    );
  }

  /** A booted guest's shell printed its prompt: it gets the machine's name, then it is up. */
  async #promptUp(generation: number): Promise<void> {
    await this.port.console.nameAtPrompt(this.port.name());
    if (generation === this.#generation) this.#reachedPrompt();
  }

  /** A guest of the user's is up as soon as it shows anything (its prompt is not known). */
  #shownSomething(): void {
    if (this.#profile?.readyText === null && this.port.starting()) {
      this.#reachedPrompt();
    }
  }

  #reachedPrompt(): void {
    if (this.#up) return;
    this.#up = true;
    this.#watchdog = null;
    clearInterval(this.#timer); // nothing left to watch: a running guest costs the page no timer
    performance.mark('aula86:prompt');
    this.port.report({
      kind: 'ready',
      bootMs: Math.round(performance.now() - this.#bootStartedAt),
    });
    this.failed(); // not a failure: the hold is let go the same way
    this.#settled.resolve();
  }

  #fail(error: MachineError): void {
    this.port.report({ kind: 'failed', error });
    this.#settled.resolve();
  }

  /** The pre-booted state could not be had: a cold boot instead, and a note saying why. */
  #bootStateFailed(message: string): void {
    this.port.report({ kind: 'progress', progress: null });
    const file = this.#profile?.bootState?.file.name ?? '';
    const note = info('machine.note.bootStateUnavailable', { detail: `${file}: ${message}` });
    this.port.report({ kind: 'note', note });
    this.port.report({ kind: 'rebooted' });
  }

  #tick(): void {
    const watchdog = this.#watchdog;
    if (!watchdog || !this.port.starting() || !watchdog.expired(performance.now())) return;
    const seconds = Math.round(watchdog.limitMs / 1000);
    this.#watchdog = null;
    if (this.#profile?.user) {
      // A guest of the user's may write where the lab does not look: it keeps running.
      this.port.report({ kind: 'note', note: info('screen.silent', { seconds }) });
      this.#settled.resolve();
      return;
    }
    this.#fail({ code: 'silent', params: { seconds } });
    void this.emulator?.stop().catch(() => undefined);
  }

  #teardown(): void {
    this.#settled.resolve(); // replaced, or ended: nothing more will come of that attempt
    clearInterval(this.#timer);
    this.#watchdog = null;
    this.#onResumed = null;
    this.#listening.dispose();
    const { console, nic, screen, shared, speed, agent } = this.port;
    for (const part of [console, nic, screen, shared, agent]) part.connect(null);
    speed.connect(null, () => false);
    const emulators = [this.emulator, this.#next];
    this.emulator = this.#next = null;
    for (const emulator of emulators) emulator?.destroy();
  }
}

/** A promise and its resolve (Promise.withResolvers, which Node 20 lacks). */
function settling(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
