// Hashing and (de)compression with the platform's native implementations, for guest images
// (page) and snapshots (worker).

export async function sha256Hex(data: BufferSource): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function through(data: Uint8Array<ArrayBuffer>, transform: GenericTransformStream) {
  const stream = new Blob([data]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export const deflate = (data: Uint8Array<ArrayBuffer>) =>
  through(data, new CompressionStream('deflate-raw'));
export const inflate = (data: Uint8Array<ArrayBuffer>) =>
  through(data, new DecompressionStream('deflate-raw'));
export const gzip = (data: Uint8Array<ArrayBuffer>) => through(data, new CompressionStream('gzip'));
export const gunzip = (data: Uint8Array<ArrayBuffer>) =>
  through(data, new DecompressionStream('gzip'));

/** Decompressed data would exceed the size allowed for it. */
export class OutputTooLargeError extends RangeError {
  override name = 'OutputTooLargeError';
  constructor(readonly limit: number) {
    super(`the data inflates beyond ${limit} bytes`);
  }
}

/**
 * Reads a stream to its end into one array, telling `onRead` the bytes read so far after each
 * chunk; past `limit` bytes it stops reading at once (OutputTooLargeError).
 */
export async function readAll(
  stream: ReadableStream<Uint8Array>,
  onRead: (total: number) => void = () => {},
  limit = Infinity,
): Promise<Uint8Array<ArrayBuffer>> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new OutputTooLargeError(limit);
    }
    parts.push(value);
    onRead(total);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/**
 * Gunzips at most `limit` bytes: stops reading the moment the output would pass it (a file that
 * inflates to gigabytes costs at most `limit` of memory and the time to inflate that much).
 */
export function gunzipAtMost(
  data: Uint8Array<ArrayBuffer>,
  limit: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('gzip'));
  return readAll(stream, undefined, limit);
}
