import { describe, expect, it } from 'vitest';
import { gratuitousArp } from './build';
import { macAt } from './addresses';

describe('gratuitousArp', () => {
  it('asks, to everyone, for its own address, from its own MAC', () => {
    const frame = gratuitousArp('02:aa:bb:cc:dd:01', '10.0.1.11/24');
    expect(frame).not.toBeNull();
    const f = frame!;
    expect(macAt(f, 0)).toBe('ff:ff:ff:ff:ff:ff');
    expect(macAt(f, 6)).toBe('02:aa:bb:cc:dd:01');
    expect([f[12], f[13]]).toEqual([0x08, 0x06]);
    expect([f[20], f[21]]).toEqual([0, 1]); // a request
    expect(macAt(f, 22)).toBe('02:aa:bb:cc:dd:01');
    expect([...f.subarray(28, 32)]).toEqual([10, 0, 1, 11]); // sender address
    expect([...f.subarray(38, 42)]).toEqual([10, 0, 1, 11]); // target: the same
  });

  it('is null for what is not a MAC or an address', () => {
    expect(gratuitousArp('nope', '10.0.1.11')).toBeNull();
    expect(gratuitousArp('02:aa:bb:cc:dd:01', '10.0.1.11, 10.0.2.1')).toBeNull();
  });
});
