// What the lab has of its guests, fetched once and shared by every machine: the manifest, each
// profile's images, the pre-booted state as served (gzipped, small) and v86's compiled
// WebAssembly. A second machine starts from these without downloading or compiling anything.
import { withMemory } from './memory';
import {
  fetchGuestImages,
  fetchManifest,
  type DownloadProgress,
  type GuestImages,
} from './catalog';
import { bootStateMismatches, type GuestProfile, type Manifest, type UserMedia } from './manifest';
import { UserError } from '../notices/notice';
import type { EmulatorSetup } from '../../common/protocol/emulator';
import type { StateRequest } from '../../common/protocol/emulator';
import type { SnapshotOrigin } from '../../common/snapshots/format';
import type { NicKind } from '../../common/devices.mjs';

export interface GuestSourceOptions {
  imagesBase: URL;
  wasmUrl: string;
  /** v86's libv86.mjs, loaded at run time (see scripts/vite-plugin-v86.ts). */
  libraryUrl: string;
  /** The exact v86 version (package.json), recorded in saved states. */
  v86Version: string;
}

/** How a profile's pre-booted state can be had now. */
export type BootStart =
  /** Downloaded earlier (by this or another machine): a copy, still gzipped. */
  | { kind: 'kept'; state: ArrayBuffer; gzipped: boolean; screen: string }
  /** To be downloaded (and decoded) by the emulator worker that resumes it. */
  | { kind: 'download'; request: StateRequest; screen: string }
  /** This build cannot resume it (the reasons: v86Version, memory, images). */
  | { kind: 'incompatible'; reasons: string[] }
  | { kind: 'none' };

/** Where the files of the user's guests are (media/ImageStore.ts). */
export type UserFiles = (sha256: string) => Promise<Blob | undefined>;

export class GuestSource {
  #manifest: Promise<Manifest> | null = null;
  /** Guests of the user's images, by profile id (see media/userProfile.ts). */
  #userProfiles = new Map<string, GuestProfile>();
  #userFiles: UserFiles = () => Promise.resolve(undefined);
  #images = new Map<string, Promise<GuestImages>>();
  #bootStates = new Map<string, { bytes: ArrayBuffer; gzipped: boolean }>();
  #wasm: WebAssembly.Module | null = null;

  constructor(readonly options: GuestSourceOptions) {}

  /** The manifest (read once; a failed read is tried again next time). */
  manifest(): Promise<Manifest> {
    const read = (this.#manifest ??= fetchManifest(this.options.imagesBase));
    read.catch(() => {
      if (this.#manifest === read) this.#manifest = null;
    });
    return read;
  }

  /** The user's guests: their profiles, and where their files are. */
  setUserProfiles(profiles: GuestProfile[], files: UserFiles): void {
    this.#userProfiles = new Map(profiles.map((p) => [p.id, p]));
    this.#userFiles = files;
  }

  /** Whether `id` is a profile of this lab (built in, or a user's guest already listed). */
  async hasProfile(id: string): Promise<boolean> {
    if (this.#userProfiles.has(id)) return true;
    return (await this.manifest()).profiles.some((p) => p.id === id);
  }

  /**
   * `current` with another kind of network card: the built-in profile with the same kernel,
   * initrd and display and that card, if the manifest has one, with `current`'s memory.
   */
  async withNic(current: GuestProfile, kind: NicKind): Promise<GuestProfile | undefined> {
    const sibling = (await this.manifest()).profiles.find(
      (p) =>
        p.nic === kind &&
        p.display === current.display &&
        p.kernel.sha256 === current.kernel?.sha256 &&
        p.initrd?.sha256 === current.initrd?.sha256,
    );
    return sibling && withMemory(sibling, current.memoryBytes);
  }

  /** The profile `id` (or the default one, or the first). */
  async profile(id?: string): Promise<GuestProfile> {
    const user = id === undefined ? undefined : this.#userProfiles.get(id);
    if (user) return user;
    const manifest = await this.manifest();
    return (
      manifest.profiles.find((p) => p.id === (id ?? manifest.defaultProfile)) ??
      manifest.profiles[0]!
    );
  }

  /** The profile's images, verified (downloaded once; progress goes to the first asker). */
  images(profile: GuestProfile, onProgress: (p: DownloadProgress) => void): Promise<GuestImages> {
    if (profile.user) return this.#userImages(profile, profile.user, onProgress);
    let images = this.#images.get(profile.id);
    if (!images) {
      images = fetchGuestImages(this.options.imagesBase, profile, onProgress);
      this.#images.set(profile.id, images);
      images.catch(() => this.#images.delete(profile.id));
    }
    return images;
  }

  /** A user's guest: the served BIOSes, and its own file from the image store (on disk). */
  async #userImages(
    profile: GuestProfile,
    user: UserMedia,
    onProgress: (p: DownloadProgress) => void,
  ): Promise<GuestImages> {
    const served = await fetchGuestImages(this.options.imagesBase, profile, onProgress);
    const file = await this.#userFiles(user.sha256);
    const initrd = user.initrd ? await this.#userFiles(user.initrd.sha256) : null;
    if (!file || (user.initrd && !initrd))
      throw new UserError('media.error.gone', { name: user.name });
    if (user.device === 'kernel') {
      return {
        ...served,
        kernel: await file.arrayBuffer(),
        initrd: initrd ? await initrd.arrayBuffer() : null,
      };
    }
    return { ...served, media: { device: user.device, blob: file } };
  }

  bootStart(profile: GuestProfile): BootStart {
    const bootState = profile.bootState;
    if (!bootState) return { kind: 'none' };
    const reasons = bootStateMismatches(profile, this.options.v86Version);
    if (reasons.length) return { kind: 'incompatible', reasons };
    const kept = this.#bootStates.get(bootState.file.sha256);
    if (kept) {
      return {
        kind: 'kept',
        state: kept.bytes.slice(0),
        gzipped: kept.gzipped,
        screen: bootState.screen,
      };
    }
    const { file } = bootState;
    const request: StateRequest = {
      url: new URL(file.name, this.options.imagesBase).href,
      sha256: file.sha256,
      size: file.size,
      decodedSha256: file.decodedSha256,
    };
    return { kind: 'download', request, screen: bootState.screen };
  }

  /** The pre-booted state as a worker downloaded and checked it: kept for the next machines. */
  keepBootState(profile: GuestProfile, bytes: ArrayBuffer, gzipped: boolean): void {
    const file = profile.bootState?.file;
    if (file) this.#bootStates.set(file.sha256, { bytes, gzipped });
  }

  /**
   * A copy of the profile's pre-booted state as served, if it was downloaded, with an id naming
   * it and its origin: snapshots store its chunks once, and later only what changed.
   */
  bootStateCopy(
    profile: GuestProfile | null | undefined,
  ): { state: ArrayBuffer; gzipped: boolean; id: string; origin: SnapshotOrigin } | null {
    const file = profile?.bootState?.file;
    const kept = file && this.#bootStates.get(file.sha256);
    if (!profile || !file || !kept) return null;
    const id = `base-${file.decodedSha256}`;
    return { state: kept.bytes.slice(0), gzipped: kept.gzipped, id, origin: this.origin(profile) };
  }

  /** What a new emulator worker loads: v86, and its WebAssembly compiled already if it was. */
  emulatorSetup(): EmulatorSetup {
    return { libraryUrl: this.options.libraryUrl, wasm: this.#wasm ?? this.options.wasmUrl };
  }

  keepWasm(module: WebAssembly.Module): void {
    this.#wasm = module;
  }

  /** What a saved state of a machine running `profile` is tied to (see snapshots/format.ts). */
  origin(profile: GuestProfile): SnapshotOrigin {
    return {
      v86Version: this.options.v86Version,
      profileId: profile.id,
      imageSha256: {
        bios: profile.bios.decodedSha256,
        // A guest of the user's is tied to its file (and its initrd, if any).
        kernel: profile.user?.sha256 ?? profile.kernel?.decodedSha256 ?? '',
        initrd: profile.user
          ? (profile.user.initrd?.sha256 ?? '')
          : (profile.initrd?.decodedSha256 ?? ''),
      },
      memoryBytes: profile.memoryBytes,
    };
  }
}
