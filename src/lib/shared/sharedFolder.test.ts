import { describe, expect, it } from 'vitest';
import { sharedFileName, SharedFolderError } from './sharedFolder';

describe('shared folder file names', () => {
  it('keeps a plain name', () => {
    expect(sharedFileName('notas.txt')).toBe('notas.txt');
  });
  it('turns folders into part of the name, so nothing lands outside the root', () => {
    expect(sharedFileName('../etc/passwd')).toBe('.._etc_passwd');
    expect(sharedFileName('a\\b')).toBe('a_b');
  });
  it('refuses empty, dot and overlong names', () => {
    for (const bad of ['', ' ', '.', '..', 'x'.repeat(256)]) {
      expect(() => sharedFileName(bad)).toThrow(SharedFolderError);
    }
  });
});
