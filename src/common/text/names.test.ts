import { describe, expect, it } from 'vitest';
import { cleanName, MAX_NAME_CHARS, uniqueName } from './names';

describe('cleanName', () => {
  it('trims and folds white space', () => {
    expect(cleanName('  Lesson   3 \n')).toBe('Lesson 3');
  });
  it('is null when nothing is left', () => {
    expect(cleanName('')).toBeNull();
    expect(cleanName('   \t ')).toBeNull();
    expect(cleanName('\u202E\u202C')).toBeNull();
  });
  it('strips bidirectional controls that would make a name read backwards', () => {
    expect(cleanName('invoice\u202Etxt.exe')).toBe('invoicetxt.exe');
    expect(cleanName('a\u2066b\u2069c\u200Fd')).toBe('abcd');
  });
  it('turns other control characters into spaces', () => {
    expect(cleanName('a\u0007b\u001b[31mc')).toBe('a b [31mc');
  });
  it('keeps at most 80 characters, never splitting one', () => {
    expect(cleanName('x'.repeat(200))).toBe('x'.repeat(MAX_NAME_CHARS));
    const emoji = cleanName('😀'.repeat(100))!;
    expect(Array.from(emoji)).toHaveLength(MAX_NAME_CHARS);
    expect(emoji).toBe('😀'.repeat(MAX_NAME_CHARS));
  });
});

describe('uniqueName', () => {
  it('keeps a free name', () => {
    expect(uniqueName('Lesson 3', ['Lesson 2'])).toBe('Lesson 3');
  });
  it('adds a suffix to a taken one, the first free', () => {
    expect(uniqueName('Lesson 3', ['Lesson 3', 'Lesson 3 (2)'])).toBe('Lesson 3 (3)');
  });
  it('stays within 80 characters', () => {
    const long = 'y'.repeat(MAX_NAME_CHARS);
    const made = uniqueName(long, [long]);
    expect(made).toHaveLength(MAX_NAME_CHARS);
    expect(made.endsWith(' (2)')).toBe(true);
  });
});
