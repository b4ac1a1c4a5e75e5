// A machine's screen, for a guest whose profile has one: the latest picture its emulator worker
// sent (text cells or pixel rectangles), and the way back for keys and the mouse.
import type { Emulator } from '../vm/EmulatorClient';
import { DisposableStore } from '../../common/events/emitter';
import type { ScreenFrame, TextFrame } from '../../common/screen/frames';
import { textRows } from '../../common/screen/frames';
import { cp437 } from './cp437';
import { CTRL_ALT_DEL } from './scancodes';

type Listener = (frame: ScreenFrame) => void;
/** What the screen needs of an emulator. */
export type ScreenLink = Pick<Emulator, 'on' | 'redrawScreen' | 'sendKeys' | 'sendMouse'>;

export class MachineScreen {
  /** The text screen as last drawn (null in a graphics mode or before the first frame). */
  text = $state.raw<TextFrame | null>(null);
  /** The current mode's size: columns×rows in text mode, pixels in graphics modes. */
  size = $state.raw<{ mode: 'text' | 'graphics'; width: number; height: number } | null>(null);
  /** Frames since power-on (for the refresh rate shown and measured). */
  frames = $state.raw(0);

  #emulator: ScreenLink | null = null;
  #subscriptions = new DisposableStore();
  // Not state: the views drawing frames, not anything shown.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #listeners = new Set<Listener>();

  /** The emulator now running the guest (null: none): its pictures are shown from now on. */
  connect(emulator: ScreenLink | null): void {
    this.#subscriptions.dispose();
    this.#emulator = emulator;
    if (!emulator) return;
    this.text = null;
    this.size = null;
    this.#subscriptions.add(emulator.on('screen', (frame) => this.receive(frame)));
  }

  /** A frame from the worker: kept (text), and handed to the views drawing it. */
  receive(frame: ScreenFrame): void {
    this.frames++;
    if (frame.mode === 'text') {
      this.text = frame;
      if (
        this.size?.mode !== 'text' ||
        this.size.width !== frame.cols ||
        this.size.height !== frame.rows
      )
        this.size = { mode: 'text', width: frame.cols, height: frame.rows };
    } else {
      this.text = null;
      if (
        this.size?.mode !== 'graphics' ||
        this.size.width !== frame.width ||
        this.size.height !== frame.height
      )
        this.size = { mode: 'graphics', width: frame.width, height: frame.height };
    }
    for (const listener of this.#listeners) listener(frame);
  }

  /** A view draws every frame from now on (it gets the whole picture first). */
  watch(listener: Listener): () => void {
    this.#listeners.add(listener);
    if (this.text) listener(this.text);
    this.#emulator?.redrawScreen();
    return () => this.#listeners.delete(listener);
  }

  /** Asks the worker for the whole picture in its next frame. */
  redraw(): void {
    this.#emulator?.redrawScreen();
  }

  /** The text screen's rows (empty in a graphics mode). */
  rows(): string[] {
    return this.text ? textRows(this.text, cp437) : [];
  }

  sendKeys(codes: number[]): void {
    if (codes.length) this.#emulator?.sendKeys(codes);
  }

  sendMouse(dx: number, dy: number, buttons?: [boolean, boolean, boolean]): void {
    this.#emulator?.sendMouse({ dx, dy, ...(buttons ? { buttons } : {}) });
  }

  ctrlAltDel(): void {
    this.sendKeys(CTRL_ALT_DEL);
  }
}
