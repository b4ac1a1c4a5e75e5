// Downloads one guest image, checks it against the manifest and decodes it for the emulator.
import type { ManifestFile } from './manifest';
import { gunzip, readAll, sha256Hex } from '../../common/bytes/codec';
import { messageOf } from '../../common/errors';
import { isGzip } from '../../common/bytes/gzip';

export type ImageErrorKind = 'missing' | 'corrupt';

export class ImageError extends Error {
  override name = 'ImageError';
  constructor(
    readonly kind: ImageErrorKind,
    readonly file: string,
    readonly detail: string,
    readonly expected = '',
    readonly actual = '',
  ) {
    super(`${file}: ${detail}`);
  }
}

export type ProgressFn = (loaded: number, total: number) => void;

/** Fetches `baseUrl + file.name`, verifies size and SHA-256, and returns the decoded bytes. */
export async function loadImage(
  baseUrl: URL,
  file: ManifestFile,
  onProgress: ProgressFn,
  signal?: AbortSignal,
): Promise<ArrayBuffer> {
  const url = new URL(file.name, baseUrl);
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ImageError('missing', file.name, messageOf(error));
  }
  if (!response.ok) throw new ImageError('missing', file.name, `HTTP ${response.status}`);
  // A server may decode .gz files: more bytes than listed.
  const total = file.size;
  const bytes = response.body
    ? await readAll(response.body, (loaded) => onProgress(Math.min(loaded, total), total))
    : new Uint8Array(await response.arrayBuffer());
  // Already decoded by the server (see net/gzip.ts): check it against the decoded checksum.
  const decodedByServer = file.encoding === 'gzip' && !isGzip(bytes);
  const [expected, size] = decodedByServer
    ? [file.decodedSha256, file.decodedSize]
    : [file.sha256, file.size];
  const actual = await sha256Hex(bytes);
  if (actual !== expected) {
    const detail =
      bytes.byteLength === size ? 'checksum mismatch' : `${bytes.byteLength} of ${size} bytes`;
    throw new ImageError('corrupt', file.name, detail, expected.slice(0, 12), actual.slice(0, 12));
  }
  if (file.encoding === 'gzip' && !decodedByServer) return (await gunzip(bytes)).buffer;
  return bytes.buffer;
}
