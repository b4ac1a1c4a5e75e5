// When a kiosk resets itself: idle for `idleMs`, then a countdown of `countdownMs` that any
// activity cancels. Pure: the caller feeds the clock, so it is tested without waiting.
import { SilenceWatchdog } from '../vm/readiness';

export type IdlePhase =
  { phase: 'active' } | { phase: 'countdown'; secondsLeft: number } | { phase: 'reset' };

export class IdleCountdown {
  // The same "how long since anything happened" as the boot's silence watchdog.
  readonly #quiet: SilenceWatchdog;

  constructor(
    readonly idleMs: number,
    readonly countdownMs: number,
    now: number,
  ) {
    this.#quiet = new SilenceWatchdog(idleMs, now);
  }

  /** A key, a click, a touch: the idle time starts again (and a countdown is cancelled). */
  activity(now: number): void {
    this.#quiet.touch(now);
  }

  /** Where things stand at `now`. After 'reset', call activity() to start over. */
  at(now: number): IdlePhase {
    if (!this.#quiet.expired(now)) return { phase: 'active' };
    const left = this.idleMs + this.countdownMs - this.#quiet.silentFor(now);
    if (left > 0) return { phase: 'countdown', secondsLeft: Math.ceil(left / 1000) };
    return { phase: 'reset' };
  }
}
