// Reads the guest manifest and downloads a profile's images, reporting combined progress.
import { messageOf } from '../../common/errors';
import { loadImage, ImageError } from './loadImage';
import {
  parseManifest,
  type GuestProfile,
  type Manifest,
  type ManifestFile,
  ManifestError,
} from './manifest';

export interface GuestImages {
  bios: ArrayBuffer;
  kernel: ArrayBuffer | null;
  initrd: ArrayBuffer | null;
  /** A screen guest's VGA BIOS. */
  vgaBios: ArrayBuffer | null;
  /** The disk the guest boots from, for a guest of the user's (a Blob kept on disk). */
  media: { device: 'cdrom' | 'hda' | 'fda'; blob: Blob } | null;
}

export interface DownloadProgress {
  file: string;
  loaded: number;
  total: number;
}

export async function fetchManifest(imagesBase: URL, signal?: AbortSignal): Promise<Manifest> {
  let response: Response;
  try {
    response = await fetch(new URL('manifest.json', imagesBase), { signal });
  } catch (error) {
    throw new ManifestError(messageOf(error));
  }
  if (!response.ok) throw new ManifestError(`HTTP ${response.status}`);
  let raw: unknown;
  try {
    raw = await response.json();
  } catch {
    throw new ManifestError('not valid JSON');
  }
  return parseManifest(raw);
}

/**
 * Downloads and verifies the profile's served images in parallel: the BIOS, the VGA BIOS of a
 * screen guest, and the kernel and initrd of a built-in one (a guest of the user's brings its
 * own disk or kernel: see media/UserImages).
 */
export async function fetchGuestImages(
  imagesBase: URL,
  profile: GuestProfile,
  onProgress: (progress: DownloadProgress) => void,
  signal?: AbortSignal,
): Promise<GuestImages> {
  const [bios, vgaBios, kernel, initrd] = await fetchFiles(
    imagesBase,
    [profile.bios, profile.vgaBios, profile.kernel, profile.initrd],
    onProgress,
    signal,
  );
  return {
    bios: bios!,
    vgaBios: vgaBios ?? null,
    kernel: kernel ?? null,
    initrd: initrd ?? null,
    media: null,
  };
}

async function fetchFiles(
  imagesBase: URL,
  wanted: Array<ManifestFile | null>,
  onProgress: (progress: DownloadProgress) => void,
  signal?: AbortSignal,
): Promise<Array<ArrayBuffer | null>> {
  const files = wanted.filter((f): f is ManifestFile => f !== null);
  const loaded = new Map(files.map((f) => [f.name, 0]));
  const total = files.reduce((sum, f) => sum + f.size, 0);
  const fetched = await Promise.all(
    files.map((file) =>
      loadImage(
        imagesBase,
        file,
        (bytes) => {
          loaded.set(file.name, bytes);
          let sum = 0;
          for (const n of loaded.values()) sum += n;
          onProgress({ file: file.name, loaded: sum, total });
        },
        signal,
      ),
    ),
  );
  return wanted.map((f) => (f ? fetched[files.indexOf(f)]! : null));
}

export { ImageError, ManifestError };
