import { describe, expect, it } from 'vitest';
import { downloadName } from './download';

describe('the name a download is saved under', () => {
  it('keeps an ordinary name', () => {
    expect(downloadName('notas de clase.txt')).toBe('notas de clase.txt');
  });
  it('replaces separators and reserved characters, so it names one file', () => {
    expect(downloadName('a\\b')).toBe('a_b');
    expect(downloadName('../x')).toBe('_x');
    expect(downloadName('a:b*c?.txt')).toBe('a_b_c_.txt');
  });
  it('drops reading-order overrides and control characters', () => {
    expect(downloadName('cod\u202Etxt.exe')).toBe('codtxt.exe');
    expect(downloadName('a\nb')).toBe('a_b');
  });
  it('never gives an empty or hidden name', () => {
    expect(downloadName('..')).toBe('file');
    expect(downloadName('  ')).toBe('file');
    expect(downloadName('.bashrc')).toBe('bashrc');
  });
});
