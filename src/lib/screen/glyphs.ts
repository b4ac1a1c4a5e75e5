// VGA text cells as pixels: each (character, colours) is drawn once with the browser's font into a
// small canvas and read back as 9×16 RGBA pixels; a screen is then put together by copying those
// pixels into one image, drawn with a single putImageData. Laying out text (or copying from a
// canvas) two thousand times a frame is far slower, above all without a GPU.
import { cp437 } from './cp437';

export const CELL_W = 9;
export const CELL_H = 16;
/** Glyphs kept before the cache starts again (a screen rarely shows more than a few hundred). */
const MAX_GLYPHS = 4096;

const css = (rgb: number) => `#${(rgb & 0xffffff).toString(16).padStart(6, '0')}`;

/** 0xRRGGBB as a little-endian RGBA pixel (what a Uint32Array over ImageData holds). */
export const pixelOf = (rgb: number) =>
  (0xff000000 | ((rgb & 0xff) << 16) | (rgb & 0xff00) | ((rgb >> 16) & 0xff)) >>> 0;

export class GlyphCache {
  #ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;
  #glyphs = new Map<string, Uint32Array>();

  constructor() {
    const canvas =
      typeof OffscreenCanvas === 'function'
        ? new OffscreenCanvas(CELL_W, CELL_H)
        : Object.assign(document.createElement('canvas'), { width: CELL_W, height: CELL_H });
    this.#ctx = canvas.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D;
  }

  /** The cell's 9×16 pixels, row by row. */
  glyph(byte: number, fg: number, bg: number): Uint32Array {
    const key = `${byte}|${fg}|${bg}`;
    let pixels = this.#glyphs.get(key);
    if (pixels) return pixels;
    if (this.#glyphs.size >= MAX_GLYPHS) this.#glyphs.clear();
    const ctx = this.#ctx;
    ctx.fillStyle = css(bg);
    ctx.fillRect(0, 0, CELL_W, CELL_H);
    if (byte !== 0 && byte !== 32) {
      ctx.font = `${CELL_H - 2}px ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace`;
      ctx.textAlign = 'center';
      ctx.fillStyle = css(fg);
      ctx.fillText(cp437(byte), CELL_W / 2, CELL_H - 4);
    }
    const data = ctx.getImageData(0, 0, CELL_W, CELL_H).data;
    pixels = new Uint32Array(data.buffer.slice(0));
    this.#glyphs.set(key, pixels);
    return pixels;
  }
}

/** Copies a glyph into a screen image `width` pixels wide, its top left at (x, y). */
export function blit(screen: Uint32Array, width: number, glyph: Uint32Array, x: number, y: number) {
  for (let row = 0; row < CELL_H; row++) {
    screen.set(glyph.subarray(row * CELL_W, (row + 1) * CELL_W), (y + row) * width + x);
  }
}
