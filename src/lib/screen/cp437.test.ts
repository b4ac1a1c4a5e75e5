import { describe, expect, it } from 'vitest';
import { cp437 } from './cp437';
import { textRows, type TextFrame } from '../../common/screen/frames';

describe('code page 437', () => {
  it('keeps ASCII and maps the box-drawing and symbol ranges', () => {
    expect(cp437(0x41)).toBe('A');
    expect(cp437(0x20)).toBe(' ');
    expect(cp437(0x00)).toBe(' ');
    expect(cp437(0x03)).toBe('♥');
    expect(cp437(0x7f)).toBe('⌂');
    expect(cp437(0x80)).toBe('Ç');
    expect(cp437(0xc4)).toBe('─');
    expect(cp437(0xdb)).toBe('█');
    expect(cp437(0xe1)).toBe('ß');
    expect(cp437(0xff)).toBe(' ');
  });

  it('has exactly one character for each of the 256 bytes', () => {
    for (let b = 0; b < 256; b++) expect([...cp437(b)]).toHaveLength(1);
  });
});

describe('text rows', () => {
  it('reads a text frame row by row without trailing blanks', () => {
    const cols = 4;
    const chars = new Uint8Array([0x23, 0x20, 0x6c, 0x20, 0x6f, 0x6b, 0x20, 0x20]);
    const frame: TextFrame = {
      mode: 'text',
      cols,
      rows: 2,
      chars,
      fg: new Uint32Array(8),
      bg: new Uint32Array(8),
      cursor: { row: 0, col: 0, visible: true },
    };
    expect(textRows(frame, cp437)).toEqual(['# l', 'ok']);
  });
});
