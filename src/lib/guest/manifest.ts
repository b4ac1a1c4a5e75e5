// The guest image manifest (public/images/manifest.json, written by images/write-manifest.mjs):
// its types, and a strict parser that turns it into typed guest profiles.

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
  cmdline: string;
  /** Text the guest's init prints when the shell starts: the machine is ready after it. */
  readyText: string;
  /** A booting guest that prints nothing for this long is reported as stuck. */
  silenceLimitMs: number;
  bios: ManifestFile;
  kernel: ManifestFile;
  initrd: ManifestFile;
  /** The host (WebAssembly) build of the benchmark program the guest has as /bin/aula-bench. */
  bench: ManifestFile | null;
  bootState: BootState | null;
}

export interface Manifest {
  format: 1;
  profiles: GuestProfile[];
  defaultProfile: string;
}

export class ManifestError extends Error {
  override name = 'ManifestError';
}

type Json = Record<string, unknown>;

function obj(value: unknown, where: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ManifestError(`${where} is not an object`);
  }
  return value as Json;
}
function str(o: Json, key: string, where: string): string {
  const v = o[key];
  if (typeof v !== 'string' || v === '') throw new ManifestError(`${where}.${key} is not a string`);
  return v;
}
function num(o: Json, key: string, where: string): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
    throw new ManifestError(`${where}.${key} is not a whole number`);
  }
  return v;
}

function parseFile(files: Json, name: string, where: string): ManifestFile {
  const f = obj(files[name], `files["${name}"] (named by ${where})`);
  const at = `files["${name}"]`;
  const hash = (key: string) => {
    const value = str(f, key, at).toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(value)) throw new ManifestError(`${at}.${key} is not a SHA-256`);
    return value;
  };
  const encoding = f['encoding'] ?? null;
  if (encoding !== null && encoding !== 'gzip') {
    throw new ManifestError(`${at}.encoding must be "gzip" or null`);
  }
  return {
    name,
    size: num(f, 'size', at),
    sha256: hash('sha256'),
    encoding,
    decodedSize: num(f, 'decoded_size', at),
    decodedSha256: hash('decoded_sha256'),
    package: str(f, 'package', at),
    version: str(f, 'version', at),
  };
}

function parseBootState(raw: unknown, files: Json, where: string): BootState {
  const at = `${where}.boot_state`;
  const b = obj(raw, at);
  const images = obj(b['images'], `${at}.images`);
  const screen = b['screen'];
  if (typeof screen !== 'string') throw new ManifestError(`${at}.screen is not a string`);
  return {
    file: parseFile(files, str(b, 'file', at), at),
    v86Version: str(b, 'v86_version', at),
    memoryBytes: num(b, 'memory_mb', at) * 1024 * 1024,
    imageSha256: {
      bios: str(images, 'bios', `${at}.images`),
      kernel: str(images, 'kernel', `${at}.images`),
      initrd: str(images, 'initrd', `${at}.images`),
    },
    screen,
  };
}

/** Why a profile's boot state cannot be resumed by this build (empty: it can). */
export function bootStateMismatches(profile: GuestProfile, v86Version: string): string[] {
  const state = profile.bootState;
  if (!state) return ['none'];
  const reasons: string[] = [];
  if (state.v86Version !== v86Version) reasons.push('v86Version');
  if (state.memoryBytes !== profile.memoryBytes) reasons.push('memory');
  const images = state.imageSha256;
  if (
    images.bios !== profile.bios.decodedSha256 ||
    images.kernel !== profile.kernel.decodedSha256 ||
    images.initrd !== profile.initrd.decodedSha256
  ) {
    reasons.push('images');
  }
  return reasons;
}

export function parseManifest(raw: unknown): Manifest {
  const root = obj(raw, 'manifest');
  if (root['format'] !== 1)
    throw new ManifestError(`unsupported manifest format ${String(root['format'])}`);
  const files = obj(root['files'], 'files');
  const list = root['profiles'];
  if (!Array.isArray(list) || list.length === 0) throw new ManifestError('profiles is empty');
  const profiles = list.map((item, i): GuestProfile => {
    const where = `profiles[${i}]`;
    const p = obj(item, where);
    const fileNames = obj(p['files'], `${where}.files`);
    const memoryMb = num(p, 'memory_mb', where);
    const fileOf = (role: string) =>
      parseFile(files, str(fileNames, role, `${where}.files`), where);
    return {
      id: str(p, 'id', where),
      name: str(p, 'name', where),
      kernelRelease: str(p, 'kernel_release', where),
      arch: str(p, 'arch', where),
      memoryBytes: memoryMb * 1024 * 1024,
      cmdline: str(p, 'cmdline', where),
      readyText: str(p, 'ready_text', where),
      silenceLimitMs: num(p, 'silence_limit_s', where) * 1000,
      bios: fileOf('bios'),
      kernel: fileOf('kernel'),
      initrd: fileOf('initrd'),
      bench: fileNames['bench'] === undefined ? null : fileOf('bench'),
      bootState:
        p['boot_state'] === undefined ? null : parseBootState(p['boot_state'], files, where),
    };
  });
  const defaultProfile = str(root, 'default_profile', 'manifest');
  if (!profiles.some((p) => p.id === defaultProfile)) {
    throw new ManifestError(`default_profile "${defaultProfile}" is not a listed profile`);
  }
  for (const p of profiles) {
    // v86 loads the initrd at 64 MiB, so the RAM must reach past its end.
    if (p.memoryBytes <= 64 * 1024 * 1024 + p.initrd.decodedSize) {
      throw new ManifestError(`profile ${p.id}: memory too small for the initrd at 64 MiB`);
    }
  }
  return { format: 1, profiles, defaultProfile };
}

/** Bytes the page downloads for a profile's images. */
export function downloadSize(profile: GuestProfile): number {
  return profile.bios.size + profile.kernel.size + profile.initrd.size;
}
