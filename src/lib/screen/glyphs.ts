// VGA text cells as pixels. The 256 characters of code page 437 are drawn once, white on black,
// with the browser's font into one atlas canvas that is read back once: each character's 9×16
// coverage (how much of each pixel the glyph covers). A (character, colours) cell is then its
// coverage blended between the two colours, in plain JavaScript, and a screen is put together by
// copying those pixels into one image drawn with a single putImageData. Laying out text, or
// reading back a canvas, for every new character and colour is far slower without a GPU (a
// profile of the screen guest's first picture: ~300 ms of one read-back per glyph).
import { cp437 } from './cp437';

export const CELL_W = 9;
export const CELL_H = 16;
/** Glyphs kept before the cache starts again (a screen rarely shows more than a few hundred). */
const MAX_GLYPHS = 4096;
/** The atlas: 16 × 16 characters, each in a box larger than its cell (overhang is cut off). */
const BOX_W = 18;
const BOX_H = 24;
export const ATLAS_W = 16 * BOX_W;
export const ATLAS_H = 16 * BOX_H;
/** Where in its box a character's cell starts (the rest catches what a font draws outside). */
const PAD_X = 4;
const PAD_Y = 4;

/** 0xRRGGBB as a little-endian RGBA pixel (what a Uint32Array over ImageData holds). */
export const pixelOf = (rgb: number) =>
  (0xff000000 | ((rgb & 0xff) << 16) | (rgb & 0xff00) | ((rgb >> 16) & 0xff)) >>> 0;

/**
 * Each character's coverage, 9×16 bytes (0: background, 255: foreground), cut from the atlas's
 * RGBA pixels (white on black: the red channel is the coverage).
 */
export function coverageFromAtlas(rgba: Uint8ClampedArray): Uint8Array[] {
  if (rgba.length !== ATLAS_W * ATLAS_H * 4) throw new RangeError('not an atlas');
  return Array.from({ length: 256 }, (_, byte) => {
    const left = (byte % 16) * BOX_W + PAD_X;
    const top = Math.floor(byte / 16) * BOX_H + PAD_Y;
    const mask = new Uint8Array(CELL_W * CELL_H);
    for (let y = 0; y < CELL_H; y++) {
      for (let x = 0; x < CELL_W; x++)
        mask[y * CELL_W + x] = rgba[((top + y) * ATLAS_W + left + x) * 4]!;
    }
    return mask;
  });
}

/** A cell's pixels: its coverage blended from `bg` (0) to `fg` (255), both 0xRRGGBB. */
export function colourGlyph(mask: Uint8Array, fg: number, bg: number): Uint32Array {
  const out = new Uint32Array(mask.length);
  const [fr, fgg, fb] = [(fg >> 16) & 0xff, (fg >> 8) & 0xff, fg & 0xff];
  const [br, bgg, bb] = [(bg >> 16) & 0xff, (bg >> 8) & 0xff, bg & 0xff];
  const fgPixel = pixelOf(fg);
  const bgPixel = pixelOf(bg);
  const mix = (f: number, b: number, a: number) => Math.round((f * a + b * (255 - a)) / 255);
  for (let i = 0; i < mask.length; i++) {
    const a = mask[i]!;
    if (a === 0) out[i] = bgPixel;
    else if (a === 255) out[i] = fgPixel;
    else
      out[i] =
        (0xff000000 | (mix(fb, bb, a) << 16) | (mix(fgg, bgg, a) << 8) | mix(fr, br, a)) >>> 0;
  }
  return out;
}

/** Draws the atlas: every character white on black, centred in its cell, in one canvas. */
function drawAtlas(): Uint8ClampedArray {
  const canvas =
    typeof OffscreenCanvas === 'function'
      ? new OffscreenCanvas(ATLAS_W, ATLAS_H)
      : Object.assign(document.createElement('canvas'), { width: ATLAS_W, height: ATLAS_H });
  const ctx = canvas.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D;
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, ATLAS_W, ATLAS_H);
  ctx.font = `${CELL_H - 2}px ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace`;
  ctx.textAlign = 'center';
  ctx.fillStyle = '#fff';
  for (let byte = 1; byte < 256; byte++) {
    if (byte === 32) continue;
    const left = (byte % 16) * BOX_W + PAD_X;
    const top = Math.floor(byte / 16) * BOX_H + PAD_Y;
    ctx.fillText(cp437(byte), left + CELL_W / 2, top + CELL_H - 4);
  }
  return ctx.getImageData(0, 0, ATLAS_W, ATLAS_H).data;
}

/** The characters' coverage: one atlas for the page, however many screens it shows. */
let coverage: Uint8Array[] | null = null;

export class GlyphCache {
  #glyphs = new Map<string, Uint32Array>();

  /** Draws the page's atlas now if it is not there yet (a view does it before its first picture). */
  prepare(): void {
    coverage ??= coverageFromAtlas(drawAtlas());
  }

  /** The cell's 9×16 pixels, row by row. */
  glyph(byte: number, fg: number, bg: number): Uint32Array {
    const key = `${byte}|${fg}|${bg}`;
    let pixels = this.#glyphs.get(key);
    if (pixels) return pixels;
    if (this.#glyphs.size >= MAX_GLYPHS) this.#glyphs.clear();
    this.prepare();
    pixels = colourGlyph(coverage![byte & 0xff]!, fg, bg);
    this.#glyphs.set(key, pixels);
    return pixels;
  }
}

/** Copies a glyph into a screen image `width` pixels wide, its top left at (x, y). */
export function blit(screen: Uint32Array, width: number, glyph: Uint32Array, x: number, y: number) {
  // A plain loop: a subarray per row (32,000 for a whole screen) costs more than the copying.
  let from = 0;
  for (let row = 0; row < CELL_H; row++) {
    let to = (y + row) * width + x;
    for (let col = 0; col < CELL_W; col++) screen[to++] = glyph[from++]!;
  }
}
