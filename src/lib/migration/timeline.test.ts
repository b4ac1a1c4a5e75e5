import { describe, expect, it } from 'vitest';
import { timelineBars } from './timeline';
import type { MigrationReport } from '../../common/migration/precopy';

const report: MigrationReport = {
  rounds: [
    { pages: 2000, bytes: 8_192_000, ms: 40 },
    { pages: 100, bytes: 409_600, ms: 5 },
  ],
  stopReason: 'small-enough',
  final: { pages: 3, bytes: 12_288, stateBytes: 300_000 },
  downtimeMs: 12,
  totalMs: 120,
  bytesSent: 8_913_888,
  memoryBytes: 32 << 20,
};

describe('timelineBars', () => {
  it('draws each round, then the stop-and-copy with the state, on one scale', () => {
    const bars = timelineBars(report, { width: 100, height: 50, gap: 2 });
    expect(bars.map((b) => b.round)).toEqual([1, 2, null]);
    expect(bars[0]!.height).toBe(50);
    expect(bars[1]!.height).toBeCloseTo(2.5, 5);
    expect(bars[2]!.bytes).toBe(312_288);
    expect(bars[2]!.ms).toBe(12);
    for (const b of bars) expect(b.y + b.height).toBe(50);
    expect(bars[2]!.x + bars[2]!.width).toBeCloseTo(100, 5);
  });

  it('draws a stop-and-copy alone, full height', () => {
    const bars = timelineBars(
      { ...report, rounds: [], stopReason: 'stop-and-copy' },
      { width: 60, height: 40, gap: 4 },
    );
    expect(bars).toHaveLength(1);
    expect(bars[0]).toMatchObject({ round: null, x: 0, width: 60, height: 40 });
  });

  it('gives a round that sent nothing a sliver', () => {
    const bars = timelineBars(
      { ...report, final: { pages: 0, bytes: 0, stateBytes: 0 } },
      { width: 90, height: 30, gap: 0 },
    );
    expect(bars[2]!.height).toBe(1);
  });
});
