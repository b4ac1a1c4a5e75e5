// When a kiosk resets itself: idle for `idleMs`, then a countdown of `countdownMs` that any
// activity cancels. Pure: the caller feeds the clock, so it is tested without waiting.

export type IdlePhase =
  { phase: 'active' } | { phase: 'countdown'; secondsLeft: number } | { phase: 'reset' };

export class IdleCountdown {
  #lastActivity: number;

  constructor(
    readonly idleMs: number,
    readonly countdownMs: number,
    now: number,
  ) {
    this.#lastActivity = now;
  }

  /** A key, a click, a touch: the idle time starts again (and a countdown is cancelled). */
  activity(now: number): void {
    this.#lastActivity = now;
  }

  /** Where things stand at `now`. After 'reset', call activity() to start over. */
  at(now: number): IdlePhase {
    const idle = now - this.#lastActivity;
    if (idle < this.idleMs) return { phase: 'active' };
    const left = this.idleMs + this.countdownMs - idle;
    if (left > 0) return { phase: 'countdown', secondsLeft: Math.ceil(left / 1000) };
    return { phase: 'reset' };
  }
}
