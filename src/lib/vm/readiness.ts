// Watches the guest's serial output for the moment its shell is ready: the init's welcome line
// (the profile's readyText) followed by a shell prompt ending in "# " or "$ ".

import { stripEscapes } from '../text/escapes';

const KEEP = 512;

/** True when console text ends with a shell prompt ("# " or "$ "), escape sequences aside. */
export function endsWithPrompt(text: string): boolean {
  return /[#$] $/.test(stripEscapes(text));
}

export class ReadinessDetector {
  #tail = '';
  #sawWelcome = false;
  #ready = false;
  readonly #decoder = new TextDecoder('utf-8');

  constructor(private readonly readyText: string) {}

  get ready(): boolean {
    return this.#ready;
  }

  /** Feeds output bytes; returns true exactly once, on the chunk that completes the prompt. */
  feed(bytes: Uint8Array): boolean {
    if (this.#ready) return false;
    this.#tail = (this.#tail + this.#decoder.decode(bytes, { stream: true })).slice(-KEEP);
    if (!this.#sawWelcome) {
      const at = this.#tail.indexOf(this.readyText);
      if (at < 0) return false;
      this.#sawWelcome = true;
      this.#tail = this.#tail.slice(at + this.readyText.length);
    }
    // The prompt may be followed by the terminal query busybox sends (ESC [ 6 n).
    if (endsWithPrompt(this.#tail)) {
      this.#ready = true;
      return true;
    }
    return false;
  }

  /** The shell is known to be up (a state saved from a running shell was restored). */
  markReady(): void {
    this.#ready = true;
  }

  reset(): void {
    this.#tail = '';
    this.#sawWelcome = false;
    this.#ready = false;
  }
}

/** Says when a booting guest has printed nothing for too long. Time is passed in, so it is testable. */
export class SilenceWatchdog {
  #lastActivity: number;

  constructor(
    readonly limitMs: number,
    now: number,
  ) {
    this.#lastActivity = now;
  }

  /** Output arrived, or the clock restarted after a pause. */
  touch(now: number): void {
    this.#lastActivity = now;
  }

  silentFor(now: number): number {
    return Math.max(0, now - this.#lastActivity);
  }

  expired(now: number): boolean {
    return this.silentFor(now) >= this.limitMs;
  }
}
