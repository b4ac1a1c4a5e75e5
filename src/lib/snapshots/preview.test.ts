import { describe, expect, it } from 'vitest';
import { previewLines } from './preview';

const ESC = String.fromCharCode(27);

describe('previewLines', () => {
  it('keeps the last lines as plain text, without colours or terminal queries', () => {
    const screen = `boot\r\nls\r\nbin  etc\r\n${ESC}[1;32mroot@aula86${ESC}[0m:~# ${ESC}[6n`;
    expect(previewLines(screen, 2)).toEqual(['bin  etc', 'root@aula86:~#']);
  });

  it('drops blank lines and control characters', () => {
    expect(previewLines('a\r\n\r\n\u0007b\r\n', 4)).toEqual(['a', 'b']);
  });

  it('is empty for an empty screen', () => {
    expect(previewLines('')).toEqual([]);
  });
});
