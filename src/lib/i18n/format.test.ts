import { describe, expect, it } from 'vitest';
import { formatBytes, formatDateTime, formatMemory, formatNumber, formatSeconds } from './format';

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

describe('formatMemory', () => {
  it('counts RAM in powers of two', () => {
    expect(formatMemory(128 * 2 ** 20, 'en')).toBe('128 MB');
    expect(formatMemory(1.5 * 2 ** 30, 'es')).toBe('1,5 GB');
  });
});

describe('formatNumber and formatSeconds', () => {
  it('group and round as the locale does', () => {
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
    expect(formatNumber(12.345, 'en', 1)).toBe('12.3');
    expect(formatSeconds(1250, 'en', 2)).toBe('1.25');
    expect(formatSeconds(1250, 'es', 1)).toBe('1,3');
    expect(formatSeconds(3000, 'en')).toBe('3.0');
  });
});

describe('formatDateTime', () => {
  it('writes the date and the time in the reader’s order', () => {
    const at = new Date(2026, 11, 1, 18, 21, 5);
    expect(formatDateTime(at, 'en')).toMatch(/12\/1\/26.*6:21:05/);
    expect(formatDateTime(at, 'es')).toMatch(/1\/12\/26.*18:21:05/);
  });
});

describe('formatters are kept per locale', () => {
  it('gives each locale its own format, however the calls alternate', () => {
    const sizes = ['en', 'es', 'en', 'es'].map((l) => formatBytes(1_500_000, l));
    expect(sizes).toEqual(['1.5 MB', '1,5 MB', '1.5 MB', '1,5 MB']);
    expect(formatNumber(1234.5, 'en', 1)).toBe('1,234.5');
    expect(formatNumber(1234.5, 'en', 0)).toBe('1,235');
    expect(formatSeconds(1500, 'es')).toBe('1,5');
    expect(formatSeconds(1500, 'en', 2)).toBe('1.50');
  });
});
