import { describe, expect, it } from 'vitest';
import { TokenBucket } from './tokenBucket';

describe('TokenBucket', () => {
  it('gives a burst, then refuses until time refills it at its rate', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 3, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    now += 100; // one token at 10 a second
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    now += 10_000; // never more than the burst saved up
    expect(bucket.take(3)).toBe(true);
    expect(bucket.take()).toBe(false);
  });
  it('takes several units at once, or none', () => {
    const bucket = new TokenBucket(100, 100, () => 0);
    expect(bucket.take(60)).toBe(true);
    expect(bucket.take(60)).toBe(false);
    expect(bucket.take(40)).toBe(true);
  });
});
