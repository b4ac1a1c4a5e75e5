// The guests a machine can run: the built-in profiles of the manifest (and, later in the list,
// images the user added). Choosing one power-cycles the machine with it.
import type { GuestSource } from './GuestSource';
import type { GuestProfile } from './manifest';
import type { Machine } from '../vm/Machine.svelte';

export class GuestShelf {
  /** The profiles to choose from, built-in first. */
  profiles = $state.raw<GuestProfile[]>([]);

  constructor(private readonly guests: GuestSource) {}

  /** Reads the built-in profiles (the manifest, fetched once). */
  async load(): Promise<void> {
    const manifest = await this.guests.manifest();
    this.profiles = manifest.profiles;
  }

  /** The machine runs the profile `id` from now on (powered off and on with it). */
  async choose(machine: Machine, id: string): Promise<void> {
    const profile = this.profiles.find((p) => p.id === id);
    if (profile) await machine.changeProfile(profile);
  }
}
