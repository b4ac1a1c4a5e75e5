// The guests a machine can run: the built-in profiles of the manifest, then the boot images the
// user added (kept in this browser: media/ImageStore.ts). Choosing one power-cycles the machine
// with it; adding one stores it and boots it; removing one frees its storage.
import { memoryChoicesMb, withMemory } from './memory';
import { refuseMachine } from '../lab/capacity';
import type { GuestSource } from './GuestSource';
import type { BuiltinProfile, GuestProfile } from './manifest';
import type { Machine } from '../vm/Machine.svelte';
import {
  IdbImageStorage,
  MemoryImageStorage,
  type ImageStorage,
  type StoredImage,
} from '../../common/images/ImageStore';
import { importImage, type ImportChoices, type ImportProgress } from '../media/importImage';
import { userProfile, userProfileId } from '../media/userProfile';
import { storeInWorker } from '../media/hashInWorker';
import { UserError } from '../notices/notice';
import { estimateStorage } from '../../common/storage/estimate';

/** A new machine of the lab booting a profile (null: no room for one, and the lab says why). */
export type AddMachine = (profileId: string) => Promise<Machine | null>;

export interface StorageUse {
  usedMb: number;
  quotaMb: number;
}

const MiB = 1024 * 1024;

/** Free storage for this origin, bytes (null: the browser does not say). */

export class GuestShelf {
  /** The built-in profiles, then the user's. */
  profiles = $state.raw<GuestProfile[]>([]);
  /** The user's images as stored. */
  images = $state.raw<StoredImage[]>([]);
  /** What the lab stores in this browser, and what it may. */
  usage = $state.raw<StorageUse | null>(null);
  persistent = $state.raw(true);

  #builtin: BuiltinProfile[] = [];
  #storage: Promise<ImageStorage> | null = null;

  constructor(
    private readonly guests: GuestSource,
    private readonly machines: () => readonly Machine[],
    /** The memory the lab lets its machines take (capacity.ts). */
    private readonly budgetBytes: () => number,
    openStorage: () => Promise<ImageStorage | null> = () => IdbImageStorage.open(),
  ) {
    this.#open = openStorage;
  }

  #open: () => Promise<ImageStorage | null>;

  storage(): Promise<ImageStorage> {
    return (this.#storage ??= this.#open().then((s) => s ?? new MemoryImageStorage()));
  }

  /** Reads the built-in profiles and the user's images. */
  async load(): Promise<void> {
    const manifest = await this.guests.manifest();
    this.#builtin = manifest.profiles;
    const storage = await this.storage();
    this.persistent = storage.persistent;
    this.#show((await storage.list()).images, storage);
    await this.#measure();
  }

  /** The machine runs the profile `id` from now on (powered off and on with it). */
  async choose(machine: Machine, id: string): Promise<void> {
    const profile = this.profiles.find((p) => p.id === id);
    if (profile) await machine.changeProfile(profile);
  }

  /** The memory sizes `machine` may be given, MB (its guest's own first). */
  memoryChoices(machine: Machine): number[] {
    const base = this.#base(machine);
    if (!base) return [];
    const others = this.machines()
      .filter((m) => m !== machine)
      .map((m) => m.memoryBytes ?? 0);
    return memoryChoicesMb(base, this.#maxMemoryMb()).filter(
      (mb) =>
        mb * 2 ** 20 <= base.memoryBytes ||
        !refuseMachine(others, mb * 2 ** 20, this.budgetBytes()),
    );
  }

  /** Restarts `machine` with `mb` of memory: from scratch, unless it is its guest's own size. */
  async setMemory(machine: Machine, mb: number): Promise<void> {
    const base = this.#base(machine);
    if (!base || !this.memoryChoices(machine).includes(mb)) return;
    await machine.changeProfile(withMemory(base, mb * 2 ** 20));
  }

  /** The most memory one machine may have, MB: half the lab's budget. */
  #maxMemoryMb(): number {
    return Math.floor(this.budgetBytes() / 2 ** 20 / 2);
  }

  /** The profile `machine` runs, at the size the manifest or the user's image gives it. */
  #base(machine: Machine): GuestProfile | undefined {
    return this.profiles.find((p) => p.id === machine.profile?.id);
  }

  /** Stores a boot image (checked, hashed as it streams) and lists it; returns its profile. */
  async add(
    file: File,
    choices: ImportChoices,
    onProgress: (progress: ImportProgress) => void,
  ): Promise<GuestProfile> {
    const storage = await this.storage();
    const image = await importImage(storage, file, choices, onProgress, {
      maxMemoryMb: this.#maxMemoryMb(),
      estimate: estimateStorage,
      // In a worker, straight into the store's database (IndexedDB only: in memory, here).
      ...(storage instanceof IdbImageStorage
        ? { hashAndStore: storeInWorker(storage.database) }
        : {}),
    });
    this.#show((await storage.list()).images, storage);
    await this.#measure();
    return this.profiles.find((p) => p.id === userProfileId(image.sha256))!;
  }

  /** Removes an image no machine runs. */
  async remove(image: StoredImage): Promise<void> {
    const id = userProfileId(image.sha256);
    const users = this.machines().filter((m) => m.profile?.id === id);
    if (users.length > 0) {
      throw new UserError('media.error.inUse', {
        name: image.name,
        machines: users.map((m) => m.name).join(', '),
      });
    }
    const storage = await this.storage();
    await storage.remove(image.sha256);
    this.#show((await storage.list()).images, storage);
    await this.#measure();
  }

  #show(images: StoredImage[], storage: ImageStorage): void {
    this.images = images;
    const base = this.#builtin.find((p) => p.vgaBios) ?? this.#builtin[0];
    const user = base ? images.map((image) => userProfile(image, base)) : [];
    this.profiles = [...this.#builtin, ...user];
    this.guests.setUserProfiles(user, (sha) => storage.blob(sha));
  }

  async #measure(): Promise<void> {
    const estimate = await estimateStorage();
    this.usage = estimate ? { usedMb: estimate.usage / MiB, quotaMb: estimate.quota / MiB } : null;
  }
}
