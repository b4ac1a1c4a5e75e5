import { describe, expect, it } from 'vitest';
import { stripEscapes, withoutQueries } from './escapes';

const ESC = String.fromCharCode(27);

describe('stripEscapes', () => {
  it('removes colours, cursor queries, charset selection and two-byte escapes', () => {
    expect(stripEscapes(`${ESC}[1;32mroot${ESC}[0m# ${ESC}[6n${ESC}(B${ESC}7x`)).toBe('root# x');
  });
  it('leaves an escape cut off at the end of a chunk for the next chunk to complete', () => {
    expect(stripEscapes(`# ${ESC}[`)).toBe(`# ${ESC}[`);
  });
});

describe('withoutQueries', () => {
  it("takes out the guest's questions to its terminal, and only those", () => {
    const E = '\u001b';
    const prompt = `${E}[1;32mroot@pc1${E}[0m:~# ${E}[6n\r${E}[1;32mroot@pc1${E}[0m:~# ${E}[J`;
    expect(withoutQueries(prompt)).toBe(
      `${E}[1;32mroot@pc1${E}[0m:~# \r${E}[1;32mroot@pc1${E}[0m:~# ${E}[J`,
    );
    expect(withoutQueries(`a${E}[5nb${E}[cc${E}[>0cd${E}[?6n`)).toBe('abcd');
    expect(withoutQueries(`${E}[2J${E}[10;5H`)).toBe(`${E}[2J${E}[10;5H`);
  });
});
