// What a screen guest's emulator worker sends the page about its VGA screen (see
// ScreenCapture.ts, which makes them, and ScreenView.svelte, which draws them).

/** The cursor of VGA text mode. */
export interface TextCursor {
  row: number;
  col: number;
  visible: boolean;
}

/** The whole text screen: one byte per cell (code page 437) and its colours (0xRRGGBB). */
export interface TextFrame {
  mode: 'text';
  cols: number;
  rows: number;
  chars: Uint8Array<ArrayBuffer>;
  fg: Uint32Array<ArrayBuffer>;
  bg: Uint32Array<ArrayBuffer>;
  cursor: TextCursor;
}

/** A changed rectangle of a graphics mode, as RGBA pixels. */
export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
  pixels: Uint8ClampedArray<ArrayBuffer>;
}

/** A graphics mode's changed parts; `width`×`height` is the whole screen. */
export interface GraphicsFrame {
  mode: 'graphics';
  width: number;
  height: number;
  rects: PixelRect[];
}

export type ScreenFrame = TextFrame | GraphicsFrame;

/** The buffers a frame can hand over to the page without copying. */
export function frameBuffers(frame: ScreenFrame): ArrayBuffer[] {
  return frame.mode === 'text'
    ? [frame.chars.buffer, frame.fg.buffer, frame.bg.buffer]
    : frame.rects.map((r) => r.pixels.buffer);
}

/** The text screen's rows as strings (trailing blanks removed), for tests and screen readers. */
export function textRows(frame: TextFrame, decode: (byte: number) => string): string[] {
  const rows: string[] = [];
  for (let r = 0; r < frame.rows; r++) {
    let line = '';
    for (let c = 0; c < frame.cols; c++) line += decode(frame.chars[r * frame.cols + c] ?? 32);
    rows.push(line.trimEnd());
  }
  return rows;
}
