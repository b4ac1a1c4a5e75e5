// When pre-copy stops sending rounds (Clark et al., NSDI 2005): each round sends the pages the
// guest dirtied during the previous one; once a round is small, or stops shrinking, or the limit
// is reached, the guest is stopped and the last pages go with its CPU and devices.

/** One pre-copy round as the source measured it. */
export interface Round {
  pages: number;
  bytes: number;
  /** From its scan to its pages handed to the transport, ms. */
  ms: number;
}

export interface PrecopyLimits {
  /** Rounds at most before the stop-and-copy, whatever the guest does. */
  maxRounds: number;
  /** A round this small is the last: its successor fits the downtime. */
  smallEnough: number;
  /** A round at least this share of the previous one is not converging. */
  notShrinking: number;
}

export const PRECOPY_LIMITS: PrecopyLimits = { maxRounds: 8, smallEnough: 64, notShrinking: 0.9 };
/** No rounds: the guest stops at once and all its memory goes in the final copy (for comparison). */
export const STOP_AND_COPY: PrecopyLimits = { ...PRECOPY_LIMITS, maxRounds: 0 };

export type StopReason = 'small-enough' | 'not-shrinking' | 'round-limit' | 'stop-and-copy';

/** Another round, or why to stop now. */
export function nextStep(
  rounds: readonly Round[],
  limits: PrecopyLimits = PRECOPY_LIMITS,
): { stop: false } | { stop: true; reason: StopReason } {
  if (limits.maxRounds === 0) return { stop: true, reason: 'stop-and-copy' };
  const last = rounds.at(-1);
  if (!last) return { stop: false };
  if (last.pages <= limits.smallEnough) return { stop: true, reason: 'small-enough' };
  if (rounds.length >= limits.maxRounds) return { stop: true, reason: 'round-limit' };
  const before = rounds.at(-2);
  // The first round sends all memory: only later rounds say whether the guest converges.
  if (rounds.length >= 3 && before && last.pages >= before.pages * limits.notShrinking)
    return { stop: true, reason: 'not-shrinking' };
  return { stop: false };
}
