// One emulator made ready ahead of "Add machine": a worker with v86 loaded and the pre-booted
// state restored, stopped (it takes no CPU), which the next machine to resume that state adopts
// instead of starting its own. Made when the lab is quiet, and again after each adoption.
import type { GuestSource } from '../guest/GuestSource';
import { hardwareOf, type GuestProfile } from '../guest/manifest';
import type { CreateEmulator, Emulator, EmulatorListener } from '../vm/EmulatorClient';

interface Spare {
  emulator: Emulator;
  profileId: string;
  /** The state is restored: run() starts it. */
  parked: boolean;
  /** Who hears the emulator's reports: nobody until a machine adopts it. */
  listener: EmulatorListener | null;
}

export class SpareEmulator {
  #spare: Spare | null = null;

  constructor(
    private readonly guests: GuestSource,
    private readonly create: CreateEmulator,
  ) {}

  /** Makes a spare for `profile` if there is none and its pre-booted state is kept. */
  prepare(profile: GuestProfile): void {
    if (this.#spare) return;
    const start = this.guests.bootStart(profile);
    if (start.kind !== 'kept') return;
    const spare: Spare = { emulator: null!, profileId: profile.id, parked: false, listener: null };
    const to = () => spare.listener;
    const listener: EmulatorListener = {
      output: (bytes, reading) => to()?.output(bytes, reading),
      counter: (reading) => to()?.counter(reading),
      control: (line) => to()?.control(line),
      frames: (frames) => to()?.frames(frames),
      screen: (frame) => to()?.screen(frame),
      reboot: () => to()?.reboot(),
      crash: (message) => (spare.listener ? spare.listener.crash(message) : this.#drop(spare)),
      wasmFailed: (message) =>
        spare.listener ? spare.listener.wasmFailed(message) : this.#drop(spare),
      compiled: (module) => this.guests.keepWasm(module),
      resumed: () => to()?.resumed(),
      parked: () => (spare.parked = true),
      stateProgress: (loaded, total) => to()?.stateProgress(loaded, total),
      stateFetched: (served, gzipped) => to()?.stateFetched(served, gzipped),
      stateFailed: (kind, message) =>
        spare.listener ? spare.listener.stateFailed(kind, message) : this.#drop(spare),
    };
    spare.emulator = this.create(this.guests.emulatorSetup(), listener);
    spare.emulator.powerOn({
      memoryBytes: profile.memoryBytes,
      hardware: hardwareOf(profile),
      state: start.state,
      stateGzipped: start.gzipped,
      parked: true,
    });
    this.#spare = spare;
  }

  /** The spare, restored and stopped, for a machine resuming `profile`'s state; or null. */
  take(profile: GuestProfile, listener: EmulatorListener): Emulator | null {
    const spare = this.#spare;
    if (!spare?.parked || spare.profileId !== profile.id) return null;
    this.#spare = null;
    spare.listener = listener;
    return spare.emulator;
  }

  dispose(): void {
    this.#spare?.emulator.destroy();
    this.#spare = null;
  }

  #drop(spare: Spare): void {
    spare.emulator.destroy();
    if (this.#spare === spare) this.#spare = null;
  }
}
