// One emulator made ready ahead of "Add machine": a worker with v86 loaded and the pre-booted
// state restored, stopped (it takes no CPU), which the next machine to resume that state adopts
// instead of starting its own. Made when the lab is quiet, and again after each adoption.
import { DisposableStore } from '../../common/events/emitter';
import type { GuestSource } from '../guest/GuestSource';
import { hardwareOf, type GuestProfile } from '../guest/manifest';
import type { CreateEmulator, Emulator } from '../vm/EmulatorClient';
import { whenQuiet } from '../scheduling/whenQuiet';

interface Spare {
  emulator: Emulator;
  profileId: string;
  /** The state is restored: run() starts it. */
  parked: boolean;
  /** The spare's own subscriptions, let go when a machine adopts it (which subscribes its own). */
  listening: DisposableStore;
}

export class SpareEmulator {
  #spare: Spare | null = null;

  constructor(
    private readonly guests: GuestSource,
    private readonly create: CreateEmulator,
  ) {}

  /** Once the page is quiet: a spare for the lab's guest, if `wanted` says one would fit. */
  prepareWhenQuiet(wanted: (profile: GuestProfile) => boolean): void {
    void whenQuiet(1000).then(async () => {
      const profile = await this.guests.profile().catch(() => null);
      if (profile && wanted(profile)) this.prepare(profile);
    });
  }

  /** Makes a spare for `profile` if there is none and its pre-booted state is kept. */
  prepare(profile: GuestProfile): void {
    if (this.#spare) return;
    const start = this.guests.bootStart(profile);
    if (start.kind !== 'kept') return;
    const emulator = this.create(this.guests.emulatorSetup());
    const spare: Spare = (this.#spare = {
      emulator,
      profileId: profile.id,
      parked: false,
      listening: new DisposableStore(),
    });
    const drop = () => this.#drop(spare);
    spare.listening.add(emulator.onCrash(drop));
    spare.listening.add(emulator.on('wasmFailed', drop));
    spare.listening.add(emulator.on('stateFailed', drop));
    spare.listening.add(emulator.on('compiled', (module) => this.guests.keepWasm(module)));
    spare.listening.add(emulator.on('parked', () => (spare.parked = true)));
    emulator.powerOn({
      memoryBytes: profile.memoryBytes,
      hardware: hardwareOf(profile),
      state: start.state,
      stateGzipped: start.gzipped,
      parked: true,
    });
  }

  /** The spare, restored and stopped, for a machine resuming `profile`'s state; or null. */
  take(profile: GuestProfile): Emulator | null {
    const spare = this.#spare;
    if (!spare?.parked || spare.profileId !== profile.id) return null;
    this.#spare = null;
    spare.listening.dispose();
    return spare.emulator;
  }

  dispose(): void {
    if (this.#spare) this.#drop(this.#spare);
  }

  #drop(spare: Spare): void {
    spare.listening.dispose();
    spare.emulator.destroy();
    if (this.#spare === spare) this.#spare = null;
  }
}
