// The guest image manifest (public/images/manifest.json, written by images/write-manifest.mjs):
// its types, and its schema (valibot, as every file the lab reads), which turns it into typed
// guest profiles and names the field at fault.
import * as v from 'valibot';
import { parseOrThrow } from '../../common/schema/validate';
import type { Hardware, NicKind } from '../../common/devices.mjs';
import type { BootDevice } from '../media/detect';

/** A guest from a file the user added (an ISO, a disk or floppy image, a kernel). */
export interface UserMedia {
  /** SHA-256 of the file: its key in the image store. */
  sha256: string;
  name: string;
  size: number;
  device: BootDevice;
  /** A kernel's initrd, if one was added with it. */
  initrd: { sha256: string; name: string; size: number } | null;
}

/** How the guest is used: a serial terminal, or a VGA screen with keyboard and mouse. */
export type Display = 'serial' | 'screen';

export interface ManifestFile {
  /** File name inside images/. */
  name: string;
  /** Bytes as served. */
  size: number;
  /** SHA-256 (hex) of the bytes as served. */
  sha256: string;
  /** 'gzip' when the page must gunzip the file before handing it to the emulator. */
  encoding: 'gzip' | null;
  /** Bytes after decoding (equal to size when not encoded). */
  decodedSize: number;
  /** SHA-256 (hex) after decoding (equal to sha256 when not encoded). */
  decodedSha256: string;
  /** Debian package the file comes from, and its version. */
  package: string;
  version: string;
}

/** A state of the guest saved at its first prompt (images/build-boot-state.mjs): resumed on load. */
export interface BootState {
  file: ManifestFile;
  /** The v86 version that made it: a state only restores into the same one. */
  v86Version: string;
  memoryBytes: number;
  /** The network card it was saved with. */
  nic: NicKind | null;
  /** The display it was saved with (a screen guest has VGA memory, keyboard and mouse). */
  display: Display;
  /** The decoded images it was booted from. */
  imageSha256: { bios: string; kernel: string; initrd: string };
  /** The console output up to the prompt, for the terminal. */
  screen: string;
}

export interface GuestProfile {
  id: string;
  name: string;
  kernelRelease: string;
  arch: string;
  memoryBytes: number;
  /** Its network card: the emulated NE2000 or paravirtual virtio-net (null: none). */
  nic: NicKind | null;
  /** A serial terminal, or a screen (VGA text and graphics, keyboard, mouse). */
  display: Display;
  cmdline: string;
  /**
   * Text the guest's init prints when the shell starts: the machine is ready after it. Null for
   * a guest of the user's: it is ready when it shows anything (serial output or its screen).
   */
  readyText: string | null;
  /** A booting guest that prints nothing for this long is reported as stuck. */
  silenceLimitMs: number;
  bios: ManifestFile;
  /** The kernel and initrd the guest boots (null: it boots from a disk of the user's). */
  kernel: ManifestFile | null;
  initrd: ManifestFile | null;
  /** SeaBIOS's VGA BIOS, for a screen guest's cold boot (null: serial only). */
  vgaBios: ManifestFile | null;
  /** The host (WebAssembly) build of the benchmark program the guest has as /bin/aula-bench. */
  bench: ManifestFile | null;
  bootState: BootState | null;
  /** The user's file it boots (null: a built-in guest). */
  user: UserMedia | null;
}

/**
 * A built-in profile: its kernel is the manifest's, and its initrd too if it has one (ours is
 * built into the kernel: v86 would load a separate one at 64 MiB, more RAM than the guest needs).
 */
export type BuiltinProfile = GuestProfile & { kernel: ManifestFile };

export interface Manifest {
  format: 1;
  profiles: BuiltinProfile[];
  defaultProfile: string;
}

export class ManifestError extends Error {
  override name = 'ManifestError';
}

const MiB = 1024 * 1024;
const text = v.pipe(
  v.string('must be a string'),
  v.nonEmpty('must not be empty'),
  v.maxLength(4096),
);
const count = v.pipe(
  v.number('must be a number'),
  v.safeInteger('must be a whole number'),
  v.minValue(0, 'must not be negative'),
);
const hash = v.pipe(
  v.string('must be a string'),
  v.toLowerCase(),
  v.regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex'),
);
/** v86 emulates at most 2 GiB, and a profile's memory is a whole number of MiB. */
const memoryMb = v.pipe(
  count,
  v.minValue(1, 'must be at least 1'),
  v.maxValue(2048, 'must be at most 2048'),
);

const FileSchema = v.object({
  size: count,
  sha256: hash,
  encoding: v.optional(v.nullable(v.literal('gzip', 'must be "gzip" or null')), null),
  decoded_size: count,
  decoded_sha256: hash,
  package: text,
  version: text,
});

const nic = v.optional(v.picklist(['ne2k', 'virtio'], 'must be "ne2k" or "virtio"'));
const display = v.optional(v.picklist(['serial', 'screen'], 'must be "serial" or "screen"'));

const BootStateSchema = v.object({
  file: text,
  v86_version: text,
  memory_mb: memoryMb,
  nic,
  display,
  images: v.object({ bios: text, kernel: text, initrd: v.optional(text) }),
  screen: v.pipe(v.string('must be a string'), v.maxLength(1024 * 1024)),
});

const ProfileSchema = v.object({
  id: text,
  name: text,
  kernel_release: text,
  arch: text,
  memory_mb: memoryMb,
  nic,
  display,
  cmdline: text,
  ready_text: text,
  silence_limit_s: v.pipe(count, v.maxValue(3600, 'must be at most 3600')),
  files: v.object({
    bios: text,
    kernel: text,
    initrd: v.optional(text),
    vga_bios: v.optional(text),
    bench: v.optional(text),
  }),
  boot_state: v.optional(BootStateSchema),
});

const ManifestSchema = v.object({
  format: v.literal(1, 'is not format 1'),
  default_profile: text,
  profiles: v.pipe(
    v.array(ProfileSchema, 'must be a list'),
    v.nonEmpty('is empty'),
    v.maxLength(64, 'has more than 64 profiles'),
  ),
  files: v.record(v.string(), FileSchema, 'must be an object'),
});

/** A file the manifest lists, by its name; `where` says who named it (for the error). */
function fileOf(
  files: Record<string, v.InferOutput<typeof FileSchema>>,
  name: string,
  where: string,
): ManifestFile {
  const f = Object.hasOwn(files, name) ? files[name] : undefined;
  if (!f) throw new ManifestError(`files["${name}"] (named by ${where}): not listed`);
  return {
    name,
    size: f.size,
    sha256: f.sha256,
    encoding: f.encoding,
    decodedSize: f.decoded_size,
    decodedSha256: f.decoded_sha256,
    package: f.package,
    version: f.version,
  };
}

/** Why a profile's boot state cannot be resumed by this build (empty: it can). */
export function bootStateMismatches(profile: GuestProfile, v86Version: string): string[] {
  const state = profile.bootState;
  if (!state) return ['none'];
  const reasons: string[] = [];
  if (state.v86Version !== v86Version) reasons.push('v86Version');
  if (state.memoryBytes !== profile.memoryBytes) reasons.push('memory');
  if (state.nic !== profile.nic) reasons.push('nic');
  if (state.display !== profile.display) reasons.push('display');
  const images = state.imageSha256;
  if (
    images.bios !== profile.bios.decodedSha256 ||
    images.kernel !== profile.kernel?.decodedSha256 ||
    (images.initrd || null) !== (profile.initrd?.decodedSha256 ?? null)
  ) {
    reasons.push('images');
  }
  return reasons;
}

export function parseManifest(raw: unknown): Manifest {
  const format = (raw as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format !== 1) {
    throw new ManifestError(`unsupported manifest format ${format}`);
  }
  const m = parseOrThrow(ManifestSchema, raw, (detail) => new ManifestError(detail));
  const profiles = m.profiles.map((p, i): BuiltinProfile => {
    const where = `profiles[${i}]`;
    const file = (role: 'bios' | 'kernel') =>
      fileOf(m.files, p.files[role], `${where}.files.${role}`);
    const b = p.boot_state;
    return {
      id: p.id,
      name: p.name,
      kernelRelease: p.kernel_release,
      arch: p.arch,
      memoryBytes: p.memory_mb * MiB,
      nic: p.nic ?? null,
      display: p.display ?? 'serial',
      cmdline: p.cmdline,
      readyText: p.ready_text,
      silenceLimitMs: p.silence_limit_s * 1000,
      bios: file('bios'),
      kernel: file('kernel'),
      initrd:
        p.files.initrd === undefined
          ? null
          : fileOf(m.files, p.files.initrd, `${where}.files.initrd`),
      vgaBios:
        p.files.vga_bios === undefined
          ? null
          : fileOf(m.files, p.files.vga_bios, `${where}.files.vga_bios`),
      bench:
        p.files.bench === undefined ? null : fileOf(m.files, p.files.bench, `${where}.files.bench`),
      bootState: b
        ? {
            file: fileOf(m.files, b.file, `${where}.boot_state`),
            v86Version: b.v86_version,
            memoryBytes: b.memory_mb * MiB,
            nic: b.nic ?? null,
            display: b.display ?? 'serial',
            imageSha256: { ...b.images, initrd: b.images.initrd ?? '' },
            screen: b.screen,
          }
        : null,
      user: null,
    };
  });
  if (!profiles.some((p) => p.id === m.default_profile)) {
    throw new ManifestError(`default_profile "${m.default_profile}" is not a listed profile`);
  }
  for (const p of profiles) {
    // v86 loads an initrd at 64 MiB, so the RAM must reach past its end.
    if (p.initrd && p.memoryBytes <= 64 * MiB + p.initrd.decodedSize) {
      throw new ManifestError(`profile ${p.id}: memory too small for the initrd at 64 MiB`);
    }
  }
  for (const p of profiles) {
    if (p.display === 'screen' && !p.vgaBios) {
      throw new ManifestError(`profile ${p.id}: a screen guest needs files.vga_bios`);
    }
  }
  return { format: 1, profiles, defaultProfile: m.default_profile };
}

/** The devices a profile's machine has beyond the common ones (see vm/devices.mjs). */
export function hardwareOf(profile: { nic: NicKind | null; display: Display }): Hardware {
  return { nic: profile.nic, screen: profile.display === 'screen' };
}

/** Bytes the page downloads for a profile's images. */
export function downloadSize(profile: GuestProfile): number {
  return (
    profile.bios.size +
    (profile.kernel?.size ?? 0) +
    (profile.initrd?.size ?? 0) +
    (profile.vgaBios?.size ?? 0)
  );
}
