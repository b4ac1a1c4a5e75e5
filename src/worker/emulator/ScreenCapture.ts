// Inside the emulator worker: v86 has no screen there (no DOM), only a stand-in adapter that
// its VGA device tells about text cells, modes and sizes. This takes the stand-in's place, keeps
// the text screen with its colours, has the VGA device draw graphics modes into its buffer, and
// hands the page at most one frame per interval (20 ms: the page draws at most one per animation
// frame), only when something changed.
import type { PixelRect, ScreenFrame, TextCursor } from '../../common/screen/frames';
import type { ScreenAdapter, ScreenLayer, VgaDevice } from './v86Internals';

export class ScreenCapture {
  #graphical = false;
  #cols = 0;
  #rows = 0;
  #chars = new Uint8Array(0);
  #fg = new Uint32Array(0);
  #bg = new Uint32Array(0);
  #cursor: TextCursor = { row: 0, col: 0, visible: true };
  #width = 0;
  #height = 0;
  #rects: PixelRect[] = [];
  #textDirty = false;
  #whole = true;
  #timer: ReturnType<typeof setInterval>;
  #lastTick = 0;

  constructor(
    adapter: ScreenAdapter,
    private readonly vga: () => VgaDevice | undefined,
    private readonly send: (frame: ScreenFrame) => void,
    private readonly intervalMs = 20,
    private readonly now: () => number = () => performance.now(),
  ) {
    adapter.put_char = (row, col, chr, _flags, bg, fg) => {
      const i = row * this.#cols + col;
      if (i >= this.#chars.length) return;
      this.#chars[i] = chr;
      this.#fg[i] = fg;
      this.#bg[i] = bg;
      this.#textDirty = true;
    };
    adapter.set_mode = (graphical) => {
      this.#graphical = graphical;
      this.#whole = true;
    };
    adapter.set_size_text = (cols, rows) => {
      if (cols === this.#cols && rows === this.#rows) return;
      this.#cols = cols;
      this.#rows = rows;
      this.#chars = new Uint8Array(cols * rows);
      this.#fg = new Uint32Array(cols * rows);
      this.#bg = new Uint32Array(cols * rows);
      this.#textDirty = true;
    };
    adapter.set_size_graphical = (width, height) => {
      this.#width = width;
      this.#height = height;
      this.#whole = true;
    };
    adapter.update_cursor = (row, col) => {
      this.#cursor = { ...this.#cursor, row, col };
      this.#textDirty = true;
    };
    adapter.update_cursor_scanline = (start, end) => {
      // Bit 5 of the start register hides the cursor; so does an empty range.
      this.#cursor = { ...this.#cursor, visible: (start & 0x20) === 0 && start <= end };
      this.#textDirty = true;
    };
    adapter.update_buffer = (layers) => this.#copy(layers);
    adapter.clear_screen = () => {
      this.#chars.fill(0);
      this.#textDirty = true;
    };
    this.#timer = setInterval(() => this.tick(), intervalMs);
  }

  /** The next frame is sent whole (a view was (re)opened). */
  redraw(): void {
    this.#whole = true;
    this.#textDirty = true;
    if (this.#graphical) this.vga()?.complete_redraw();
  }

  /**
   * A tick if the last was an interval ago: called between the emulator's slices, where a guest
   * that prints flat out would keep the interval's timer waiting (32 frames a second, not 50).
   */
  tickIfDue(): void {
    if (this.now() - this.#lastTick >= this.intervalMs) this.tick();
  }

  /** Sends what changed since the last tick (called on an interval, and by tickIfDue). */
  tick(): void {
    this.#lastTick = this.now();
    if (this.#graphical) {
      const vga = this.vga();
      if (!vga || this.#width === 0) return;
      if (this.#whole) vga.complete_redraw();
      vga.screen_fill_buffer(); // calls update_buffer with the changed rows
      const rects = this.#rects;
      this.#rects = [];
      if (rects.length === 0) return;
      this.#whole = false;
      this.send({ mode: 'graphics', width: this.#width, height: this.#height, rects });
      return;
    }
    if (!this.#textDirty || this.#cols === 0) return;
    this.#textDirty = false;
    this.#whole = false;
    this.send({
      mode: 'text',
      cols: this.#cols,
      rows: this.#rows,
      chars: this.#chars.slice(),
      fg: this.#fg.slice(),
      bg: this.#bg.slice(),
      cursor: { ...this.#cursor },
    });
  }

  dispose(): void {
    clearInterval(this.#timer);
  }

  /** Copies the changed part of each layer (views into v86's memory) out as RGBA rows. */
  #copy(layers: ScreenLayer[]): void {
    for (const layer of layers) {
      const image = layer.image_data;
      const whole = this.#whole;
      const x = whole ? 0 : layer.buffer_x;
      const y = whole ? 0 : layer.buffer_y;
      const width = Math.min(whole ? image.width : layer.buffer_width, image.width - x);
      const height = Math.min(whole ? image.height : layer.buffer_height, image.height - y);
      if (width <= 0 || height <= 0) continue;
      const pixels = new Uint8ClampedArray(width * height * 4);
      for (let row = 0; row < height; row++) {
        const from = ((y + row) * image.width + x) * 4;
        pixels.set(image.data.subarray(from, from + width * 4), row * width * 4);
      }
      this.#rects.push({
        x: layer.screen_x - layer.buffer_x + x,
        y: layer.screen_y - layer.buffer_y + y,
        width,
        height,
        pixels,
      });
    }
  }
}
