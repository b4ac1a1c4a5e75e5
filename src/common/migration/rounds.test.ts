import { describe, expect, it } from 'vitest';
import { nextStep, PRECOPY_LIMITS, STOP_AND_COPY, type Round } from './rounds';

const rounds = (...pages: number[]): Round[] =>
  pages.map((p) => ({ pages: p, bytes: p * 4096, ms: 1 }));

describe('nextStep', () => {
  it('starts with a round', () => {
    expect(nextStep([])).toEqual({ stop: false });
  });

  it('goes on while the rounds shrink, and stops once one is small enough', () => {
    expect(nextStep(rounds(2300))).toEqual({ stop: false });
    expect(nextStep(rounds(2300, 400))).toEqual({ stop: false });
    expect(nextStep(rounds(2300, 400, 120))).toEqual({ stop: false });
    expect(nextStep(rounds(2300, 400, 120, 30))).toEqual({ stop: true, reason: 'small-enough' });
  });

  it('an idle guest stops after its first round when nothing was dirtied during it', () => {
    expect(nextStep(rounds(2300, 12))).toEqual({ stop: true, reason: 'small-enough' });
  });

  it('a guest that dirties as fast as the rounds send stops when the rounds stop shrinking', () => {
    // The second round is allowed to be large: it holds what the long first round let pile up.
    expect(nextStep(rounds(2300, 2100))).toEqual({ stop: false });
    expect(nextStep(rounds(2300, 2100, 2050))).toEqual({ stop: true, reason: 'not-shrinking' });
  });

  it('never goes past the round limit', () => {
    const shrinkingSlowly = Array.from(
      { length: PRECOPY_LIMITS.maxRounds },
      (_, i) => 5000 - i * 600,
    );
    expect(nextStep(rounds(...shrinkingSlowly))).toEqual({ stop: true, reason: 'round-limit' });
    expect(nextStep(rounds(...shrinkingSlowly.slice(0, -1)))).toEqual({ stop: false });
  });

  it('stops before any round for a stop-and-copy', () => {
    expect(nextStep([], STOP_AND_COPY)).toEqual({ stop: true, reason: 'stop-and-copy' });
  });
});
