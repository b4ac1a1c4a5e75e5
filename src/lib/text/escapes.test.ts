import { describe, expect, it } from 'vitest';
import { asksCursor, cursorReport, stripEscapes, withoutQueries } from './escapes';

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

describe('the cursor question a restored shell still waits for', () => {
  const E = String.fromCharCode(27);
  const prompt = `${E}[1;32mroot@pc1${E}[0m:${E}[1;34m~${E}[0m# `;

  it('is the screen’s last words, after the prompt', () => {
    expect(asksCursor(`welcome\r\n${prompt}${E}[6n`)).toBe(true);
    expect(asksCursor(`${prompt}${E}[6nls\r\n`)).toBe(false);
    expect(asksCursor(prompt)).toBe(false);
  });

  it('is answered with the cursor just after the prompt as the terminal shows it', () => {
    expect(cursorReport(`welcome\r\n${prompt}`)).toBe(`${E}[1;13R`);
    // A prompt drawn again over itself: the last drawing counts.
    expect(cursorReport(`${prompt}\r${prompt}${E}[J`)).toBe(`${E}[1;13R`);
  });
});
