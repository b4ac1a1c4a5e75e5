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
