// Draws a machine's VGA screen on a canvas: text mode cell by cell (only the cells that changed,
// the cursor as an underline), graphics modes as the pixel rectangles the worker sent. Frames
// that arrive between two animation frames are drawn together, once.
import type { GraphicsFrame, ScreenFrame, TextFrame } from '../../common/screen/frames';
import { blit, CELL_H, CELL_W, GlyphCache, pixelOf } from './glyphs';

/** Pictures waiting past this many (a hidden tab draws nothing): dropped, and one asked whole. */
const MAX_PENDING = 120;

export class ScreenPainter {
  readonly glyphs = new GlyphCache();
  #previous: TextFrame | null = null;
  #lastCursor: { row: number; col: number } | null = null;
  /** The text screen as pixels, put on the canvas in one go. */
  #image: ImageData | null = null;
  #pixels = new Uint32Array(0);
  #pending: ScreenFrame[] = [];

  constructor(
    private readonly canvas: HTMLCanvasElement,
    /** Called after each drawing (once per animation frame at most). */
    private readonly drawn: () => void,
    /** Too many pictures piled up: the next one should be the whole screen. */
    private readonly wantWhole: () => void,
  ) {}

  /** A frame to draw at the next animation frame (a text frame replaces older ones waiting). */
  draw(frame: ScreenFrame): void {
    if (frame.mode === 'text') this.#pending = this.#pending.filter((f) => f.mode !== 'text');
    if (this.#pending.length > MAX_PENDING) {
      this.#pending = [];
      this.wantWhole();
    }
    this.#pending.push(frame);
    if (this.#pending.length === 1) requestAnimationFrame(() => this.#flush());
  }

  /** The next text frame is drawn whole (a view was (re)opened). */
  forget(): void {
    this.#previous = null;
  }

  /** Draws what arrived: of text frames only the last (each is the whole screen). */
  #flush(): void {
    const frames = this.#pending;
    this.#pending = [];
    if (frames.length === 0) return;
    const lastText = frames.findLastIndex((f) => f.mode === 'text');
    frames.forEach((frame, i) => {
      if (frame.mode === 'graphics') this.#drawGraphics(frame);
      else if (i === lastText) this.#drawText(frame);
    });
    this.drawn();
  }

  #context(): CanvasRenderingContext2D | null {
    return this.canvas.getContext('2d', { alpha: false });
  }

  #resize(width: number, height: number): void {
    if (this.canvas.width === width && this.canvas.height === height) return;
    this.canvas.width = width;
    this.canvas.height = height;
  }

  #drawCell(f: TextFrame, i: number): void {
    const glyph = this.glyphs.glyph(f.chars[i] ?? 32, f.fg[i] ?? 0xaaaaaa, f.bg[i] ?? 0);
    const x = (i % f.cols) * CELL_W;
    blit(this.#pixels, f.cols * CELL_W, glyph, x, Math.floor(i / f.cols) * CELL_H);
  }

  #drawText(f: TextFrame): void {
    const ctx = this.#context();
    if (!ctx) return;
    const width = f.cols * CELL_W;
    const height = f.rows * CELL_H;
    this.#resize(width, height);
    const whole = this.#image?.width !== width || this.#image.height !== height || !this.#previous;
    if (whole) {
      this.#image = new ImageData(width, height);
      this.#pixels = new Uint32Array(this.#image.data.buffer);
    }
    const old = whole ? null : this.#previous;
    let changed = false;
    for (let i = 0; i < f.chars.length; i++) {
      if (!old || old.chars[i] !== f.chars[i] || old.fg[i] !== f.fg[i] || old.bg[i] !== f.bg[i]) {
        this.#drawCell(f, i);
        changed = true;
      }
    }
    // The cursor: the cell it left is drawn again, the one it is on gets an underline.
    const left = this.#lastCursor;
    if (left && !whole) this.#drawCell(f, left.row * f.cols + left.col);
    this.#lastCursor = null;
    if (f.cursor.visible && f.cursor.row < f.rows && f.cursor.col < f.cols) {
      const colour = pixelOf(f.fg[f.cursor.row * f.cols + f.cursor.col] ?? 0xaaaaaa);
      for (let line = CELL_H - 3; line < CELL_H - 1; line++) {
        const at = (f.cursor.row * CELL_H + line) * width + f.cursor.col * CELL_W;
        this.#pixels.fill(colour, at, at + CELL_W);
      }
      this.#lastCursor = { row: f.cursor.row, col: f.cursor.col };
    }
    if (changed || whole || this.#lastCursor) ctx.putImageData(this.#image!, 0, 0);
    this.#previous = f;
  }

  #drawGraphics(frame: GraphicsFrame): void {
    this.#previous = null;
    this.#image = null;
    const ctx = this.#context();
    if (!ctx) return;
    this.#resize(frame.width, frame.height);
    for (const r of frame.rects) {
      ctx.putImageData(new ImageData(r.pixels, r.width, r.height), r.x, r.y);
    }
  }
}
