// Reads the guest manifest and downloads a profile's images, reporting combined progress.
import { messageOf } from '../errors';
import { loadImage, ImageError } from './loadImage';
import { parseManifest, type GuestProfile, type Manifest, ManifestError } from './manifest';

export interface GuestImages {
  bios: ArrayBuffer;
  kernel: ArrayBuffer;
  initrd: ArrayBuffer;
  /** A screen guest's VGA BIOS. */
  vgaBios: ArrayBuffer | null;
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

/** Downloads and verifies the images (three, four with a VGA BIOS) in parallel. */
export async function fetchGuestImages(
  imagesBase: URL,
  profile: GuestProfile,
  onProgress: (progress: DownloadProgress) => void,
  signal?: AbortSignal,
): Promise<GuestImages> {
  const files = [profile.bios, profile.kernel, profile.initrd];
  if (profile.vgaBios) files.push(profile.vgaBios);
  const loaded = new Map(files.map((f) => [f.name, 0]));
  const total = files.reduce((sum, f) => sum + f.size, 0);
  const [bios, kernel, initrd, vgaBios] = await Promise.all(
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
  return { bios: bios!, kernel: kernel!, initrd: initrd!, vgaBios: vgaBios ?? null };
}

export { ImageError, ManifestError };
