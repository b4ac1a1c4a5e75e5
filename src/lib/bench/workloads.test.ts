import { describe, expect, it } from 'vitest';
import { emptyRow, guestCommand, parseGuestReport, summarize } from './workloads';

describe('parseGuestReport', () => {
  it('reads the workload, checksum and nanoseconds', () => {
    expect(parseGuestReport('aula-bench: float sum=944b3cfc ns=227500000\r\n')).toEqual({
      workload: 'float',
      sum: '944b3cfc',
      ns: 227500000,
    });
  });
  it('finds the line among other output', () => {
    const text = '# aula-bench int\r\naula-bench: int sum=8e82de46 ns=49400000\r\n# ';
    expect(parseGuestReport(text)?.sum).toBe('8e82de46');
  });
  it('ignores the typed command and partial lines', () => {
    expect(parseGuestReport('# aula-bench int\r\n')).toBeNull();
    expect(parseGuestReport('aula-bench: int sum=8e82')).toBeNull();
  });
});

describe('guestCommand', () => {
  it('names the workload', () => {
    expect(guestCommand('sys')).toBe('aula-bench sys');
  });
});

describe('summarize', () => {
  it('takes medians and divides by the host time', () => {
    const row = emptyRow();
    row.host.push({ ms: 2, sum: 'aa' }, { ms: 4, sum: 'aa' }, { ms: 3, sum: 'aa' });
    row.jit.push({ ms: 60, sum: 'aa', guestMs: 58, mips: 100 });
    row.interp.push({ ms: 600, sum: 'aa', guestMs: 590, mips: 10 });
    const s = summarize(row);
    expect(s.ms).toEqual({ host: 3, jit: 60, interp: 600 });
    expect(s.slowdown).toEqual({ host: 1, jit: 20, interp: 200 });
    expect(s.guestMs.jit).toBe(58);
    expect(s.mips.interp).toBe(10);
    expect(s.sumsAgree).toBe(true);
  });
  it('says when a checksum differs', () => {
    const row = emptyRow();
    row.host.push({ ms: 1, sum: 'aa' });
    row.jit.push({ ms: 9, sum: 'ab' });
    const s = summarize(row);
    expect(s.sumsAgree).toBe(false);
    expect(s.sums.jit).toEqual(['ab']);
  });
  it('leaves places that did not run as NaN', () => {
    const row = emptyRow();
    row.jit.push({ ms: 9, sum: 'aa' });
    const s = summarize(row);
    expect(s.ms.host).toBeNaN();
    expect(s.slowdown.jit).toBeNaN();
    expect(s.sumsAgree).toBe(true);
  });
});
