import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gunzipIfGzipped, isGzip } from './gzip';

const plain = new TextEncoder().encode('\0asm and some more bytes to be sure');
const gz = new Uint8Array(gzipSync(plain));
const read = async (s: ReadableStream<Uint8Array<ArrayBuffer>>) =>
  new Uint8Array(await new Response(s).arrayBuffer());
const streamOf = (b: Uint8Array<ArrayBuffer>) => new Blob([b]).stream();

describe('gzip helpers', () => {
  it('recognises gzip by its magic bytes', () => {
    expect(isGzip(gz)).toBe(true);
    expect(isGzip(plain)).toBe(false);
    expect(isGzip(new Uint8Array([0x1f]))).toBe(false);
  });

  it('decodes a gzipped stream and passes a decoded one through', async () => {
    expect(await read(await gunzipIfGzipped(streamOf(gz)))).toEqual(plain);
    expect(await read(await gunzipIfGzipped(streamOf(plain)))).toEqual(plain);
  });

  it('handles an empty stream', async () => {
    const empty = await read(await gunzipIfGzipped(streamOf(new Uint8Array())));
    expect(empty.byteLength).toBe(0);
  });
});
