import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ManifestFile } from './manifest';
import { ImageError, loadImage } from './loadImage';

const base = new URL('http://lab.test/images/');
const content = new TextEncoder().encode('a kernel, or so we pretend '.repeat(100));

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function described(bytes: Uint8Array, encoding: 'gzip' | null, decodedSize: number): ManifestFile {
  return {
    name: 'bzImage',
    size: bytes.byteLength,
    sha256: sha(bytes),
    encoding,
    decodedSize,
    decodedSha256: encoding ? sha(content) : sha(bytes),
    package: 'linux-source-6.1',
    version: 'test',
  };
}

function serve(status: number, body: Uint8Array<ArrayBuffer>) {
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.resolve(new Response(body, { status }))),
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('loadImage', () => {
  it('returns the bytes when they match the manifest, reporting progress', async () => {
    serve(200, content);
    const progress = vi.fn();
    const out = await loadImage(base, described(content, null, content.byteLength), progress);
    expect(new Uint8Array(out)).toEqual(content);
    expect(progress).toHaveBeenLastCalledWith(content.byteLength, content.byteLength);
  });

  it('gunzips a gzip-encoded file after checking the compressed bytes', async () => {
    const gz = new Uint8Array(gzipSync(content));
    serve(200, gz);
    const out = await loadImage(base, described(gz, 'gzip', content.byteLength), () => {});
    expect(new Uint8Array(out)).toEqual(content);
  });

  it('accepts a gzip file that the web server already decoded, checking the decoded bytes', async () => {
    const gz = new Uint8Array(gzipSync(content));
    serve(200, content);
    const out = await loadImage(base, described(gz, 'gzip', content.byteLength), () => {});
    expect(new Uint8Array(out)).toEqual(content);
  });

  it('rejects a decoded file whose bytes differ from the decoded checksum', async () => {
    const gz = new Uint8Array(gzipSync(content));
    const wrong = content.slice();
    wrong[0] = 0;
    serve(200, wrong);
    const error = await loadImage(base, described(gz, 'gzip', content.byteLength), () => {}).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ kind: 'corrupt', detail: 'checksum mismatch' });
  });

  it('reports a corrupted file with both checksums', async () => {
    const file = described(content, null, content.byteLength);
    const corrupted = content.slice();
    corrupted[10] = (corrupted[10] ?? 0) ^ 0xff;
    serve(200, corrupted);
    const error = await loadImage(base, file, () => {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageError);
    expect(error).toMatchObject({ kind: 'corrupt', file: 'bzImage', detail: 'checksum mismatch' });
    expect((error as ImageError).expected).toBe(file.sha256.slice(0, 12));
  });

  it('reports a truncated file with how much arrived', async () => {
    serve(200, content.slice(0, 100));
    const error = await loadImage(
      base,
      described(content, null, content.byteLength),
      () => {},
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'corrupt', detail: `100 of ${content.byteLength} bytes` });
  });

  it('reports a missing file', async () => {
    serve(404, new Uint8Array());
    const error = await loadImage(base, described(content, null, 1), () => {}).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ kind: 'missing', detail: 'HTTP 404' });
  });
});
