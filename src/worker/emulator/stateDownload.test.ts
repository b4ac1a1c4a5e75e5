import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { downloadState, StateDownloadError } from './stateDownload';
import type { StateRequest } from '../../common/protocol/emulator';

const raw = new Uint8Array(200_000).map((_, i) => (i * 7) % 251);
const gz = gzipSync(raw);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const request: StateRequest = {
  url: 'http://lab/images/boot-state.bin.gz',
  sha256: sha(gz),
  size: gz.byteLength,
  decodedSha256: sha(raw),
};
const serve =
  (body: Uint8Array, status = 200): typeof fetch =>
  () =>
    Promise.resolve(new Response(status === 200 ? body.slice() : null, { status }));

describe('downloadState', () => {
  it('decodes the state as it streams in, and keeps the file as served', async () => {
    const seen: number[] = [];
    const got = await downloadState(request, (loaded) => seen.push(loaded), serve(gz));
    expect(new Uint8Array(got.state)).toEqual(raw);
    expect(got.gzipped).toBe(true);
    expect(new Uint8Array(got.served)).toEqual(new Uint8Array(gz));
    expect(seen.at(-1)).toBe(gz.byteLength);
  });

  it('takes a file a server decoded on the way, checked against the decoded checksum', async () => {
    const got = await downloadState(request, () => {}, serve(raw));
    expect(got.gzipped).toBe(false);
    expect(new Uint8Array(got.state)).toEqual(raw);
  });

  it('refuses a file whose checksum does not match, before using any of it', async () => {
    const damaged = gz.slice();
    damaged[100] = (damaged[100] ?? 0) ^ 0xff;
    await expect(downloadState(request, () => {}, serve(damaged))).rejects.toMatchObject({
      kind: 'corrupt',
    });
  });

  it('says a missing file is missing', async () => {
    const error: unknown = await downloadState(request, () => {}, serve(gz, 404)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StateDownloadError);
    expect(error).toMatchObject({ kind: 'missing', message: 'HTTP 404' });
  });
});
