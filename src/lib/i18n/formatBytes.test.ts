import { describe, expect, it } from 'vitest';
import { formatBytes } from './formatBytes';

describe('formatBytes', () => {
  it('picks a unit and a precision a reader takes in at a glance', () => {
    expect(formatBytes(0, 'en')).toBe('0 bytes');
    expect(formatBytes(999, 'en')).toBe('999 bytes');
    expect(formatBytes(1500, 'en')).toBe('1.5 kB');
    expect(formatBytes(12_345_678, 'en')).toBe('12 MB');
    expect(formatBytes(2_500_000_000, 'en')).toBe('2.5 GB');
  });
  it('writes numbers as the locale does', () => {
    expect(formatBytes(1_500_000, 'es')).toBe('1,5 MB');
  });
});
