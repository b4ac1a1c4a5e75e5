import { describe, expect, it } from 'vitest';
import {
  ATLAS_H,
  ATLAS_W,
  CELL_H,
  CELL_W,
  colourGlyph,
  coverageFromAtlas,
  pixelOf,
} from './glyphs';

describe('text cells from one atlas', () => {
  it('cuts each character’s 9×16 coverage out of its box, ignoring what a font draws outside', () => {
    const rgba = new Uint8ClampedArray(ATLAS_W * ATLAS_H * 4);
    const paint = (x: number, y: number, value: number) => (rgba[(y * ATLAS_W + x) * 4] = value);
    // 'A' (65) is in row 4, column 1 of the atlas: its box starts at (18, 96), its cell at (22, 100).
    paint(22, 100, 255); // the cell's top left
    paint(22 + CELL_W - 1, 100 + CELL_H - 1, 128); // its bottom right
    paint(21, 100, 255); // overhang to the left: not part of the cell
    const coverage = coverageFromAtlas(rgba);
    expect(coverage).toHaveLength(256);
    const a = coverage[65]!;
    expect(a[0]).toBe(255);
    expect(a[CELL_W * CELL_H - 1]).toBe(128);
    expect(a.reduce((sum, v) => sum + v, 0)).toBe(255 + 128);
    expect(coverage[66]!.every((v) => v === 0)).toBe(true);
    expect(() => coverageFromAtlas(new Uint8ClampedArray(16))).toThrow(RangeError);
  });

  it('blends each pixel from the background to the foreground colour by its coverage', () => {
    const mask = new Uint8Array(CELL_W * CELL_H);
    mask[0] = 255;
    mask[1] = 128;
    const fg = 0xaaaaaa;
    const bg = 0x0000aa;
    const pixels = colourGlyph(mask, fg, bg);
    expect(pixels[0]).toBe(pixelOf(fg));
    expect(pixels[2]).toBe(pixelOf(bg));
    // Half-way: red and green rise halfway to 0xaa, blue stays 0xaa.
    expect(pixels[1]).toBe(pixelOf(0x5555aa));
    expect(pixelOf(0x112233)).toBe(0xff332211);
  });
});
