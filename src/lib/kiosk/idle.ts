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

  /** Where things stand at `now`, idle for `idleMs` (default the kiosk's; Infinity: never).
   * After 'reset', call activity() to start over. */
  at(now: number, idleMs = this.idleMs): IdlePhase {
    const silent = this.#quiet.silentFor(now);
    if (silent < idleMs) return { phase: 'active' };
    const left = idleMs + this.countdownMs - silent;
    if (left > 0) return { phase: 'countdown', secondsLeft: Math.ceil(left / 1000) };
    return { phase: 'reset' };
  }
}

/** How long without use before a kiosk resets, ms: longer (or never) while a lesson is in
 * progress, as kiosk.json says (`lessonIdleMinutes`, never shorter than `idleMinutes`). */
export function idleLimitMs(
  config: { idleMinutes: number; lessonIdleMinutes: number | 'pause' },
  lessonInProgress: boolean,
): number {
  const { idleMinutes, lessonIdleMinutes } = config;
  if (!lessonInProgress) return idleMinutes * 60_000;
  if (lessonIdleMinutes === 'pause') return Infinity;
  return Math.max(idleMinutes, lessonIdleMinutes) * 60_000;
}
