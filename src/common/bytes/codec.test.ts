import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import {
  deflate,
  gunzip,
  gunzipAtMost,
  gzip,
  inflate,
  OutputTooLargeError,
  sha256Hex,
} from './codec';

const data = new TextEncoder().encode('emulation is slow, '.repeat(500));

describe('codec', () => {
  it('hashes like sha256sum', async () => {
    expect(await sha256Hex(data)).toBe(createHash('sha256').update(data).digest('hex'));
  });
  it('round-trips deflate-raw and gzip, and compresses', async () => {
    const d = await deflate(data);
    expect(d.byteLength).toBeLessThan(data.byteLength / 10);
    expect(await inflate(d)).toEqual(data);
    expect(await gunzip(await gzip(data))).toEqual(data);
  });
});

describe('gunzipAtMost', () => {
  it('inflates data within the limit', async () => {
    expect(await gunzipAtMost(await gzip(data), data.byteLength)).toEqual(data);
  });

  it('stops at once when the output passes the limit, without inflating the rest', async () => {
    // 256 MiB of zeros gzip to ~250 KB: a small file that would fill the memory.
    const bomb = new Uint8Array(gzipSync(Buffer.alloc(256 * 1024 * 1024), { level: 1 }));
    const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const started = performance.now();
    await expect(gunzipAtMost(bomb, 1024 * 1024)).rejects.toBeInstanceOf(OutputTooLargeError);
    expect(performance.now() - started).toBeLessThan(1000);
    const heapAfter = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    expect(heapAfter - heapBefore).toBeLessThan(32 * 1024 * 1024);
  });
});
