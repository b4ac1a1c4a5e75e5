import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deflate, gunzip, gzip, inflate, sha256Hex } from './codec';

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
