// A screen's keyboard and mouse capture: a click captures them (and the mouse with pointer lock
// in a graphics mode), then keys go to the guest as PC scancodes and mouse moves as deltas;
// Right Ctrl, leaving the view or closing it gives them back, releasing every key held.
import type { MachineScreen } from './MachineScreen.svelte';
import { mouseButtons } from './mouse';
import { releaseAll, scancodes } from './scancodes';

const RELEASE_KEY = 'ControlRight';

export class InputCapture {
  captured = $state(false);
  /** The keys the guest has seen pressed. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, not shown
  readonly #held = new Set<string>();
  #surface: HTMLElement | null = null;

  constructor(private readonly screen: () => MachineScreen) {}

  /** The element whose keys and clicks are captured. */
  attach(surface: HTMLElement): void {
    this.#surface = surface;
  }

  capture(): void {
    this.#surface?.focus();
    this.captured = true;
    if (this.screen().size?.mode === 'graphics') void this.#surface?.requestPointerLock?.();
  }

  release(): void {
    if (!this.captured) return;
    this.screen().sendKeys(releaseAll(this.#held));
    this.#held.clear();
    this.captured = false;
    if (this.#surface && document.pointerLockElement === this.#surface) document.exitPointerLock();
  }

  key(event: KeyboardEvent, down: boolean): void {
    if (!this.captured) return;
    if (event.code === RELEASE_KEY) {
      event.preventDefault();
      if (!down) this.release();
      return;
    }
    let codes = scancodes(event.code, down);
    if (codes.length === 0) return;
    event.preventDefault();
    if (down) this.#held.add(event.code);
    else this.#held.delete(event.code);
    // A shifted key whose Shift the guest never saw pressed (an on-screen keyboard, a
    // synthesized event): Shift goes round it.
    const shiftHeld = this.#held.has('ShiftLeft') || this.#held.has('ShiftRight');
    if (down && event.shiftKey && !shiftHeld && !event.code.startsWith('Shift')) {
      codes = [...scancodes('ShiftLeft', true), ...codes, ...scancodes('ShiftLeft', false)];
    }
    this.screen().sendKeys(codes);
  }

  move(event: MouseEvent): void {
    if (!this.captured || document.pointerLockElement !== this.#surface) return;
    this.screen().sendMouse(event.movementX, -event.movementY);
  }

  button(event: MouseEvent): void {
    if (!this.captured) return this.capture();
    if (document.pointerLockElement !== this.#surface) return;
    event.preventDefault();
    this.screen().sendMouse(0, 0, mouseButtons(event.buttons));
  }
}
