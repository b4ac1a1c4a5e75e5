import { describe, expect, it } from 'vitest';
import { chartPath, chartScale, markX, niceCeiling } from './chart';

describe('niceCeiling', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect(niceCeiling(0.3)).toBe(1);
    expect(niceCeiling(0.3, 0.1)).toBe(0.5);
    expect(niceCeiling(1)).toBe(1);
    expect(niceCeiling(1.2)).toBe(2);
    expect(niceCeiling(37)).toBe(50);
    expect(niceCeiling(51)).toBe(100);
    expect(niceCeiling(180)).toBe(200);
  });

  it('takes the floor for nothing, zero or a value that is not finite', () => {
    expect(niceCeiling(0)).toBe(1);
    expect(niceCeiling(Number.NaN, 5)).toBe(5);
  });
});

describe('chartScale', () => {
  it('fits an idle guest and a busy one, with three ticks', () => {
    expect(chartScale([0.2, null, 0.4])).toEqual({ top: 1, ticks: [0, 0.5, 1] });
    expect(chartScale([40, 120, null])).toEqual({ top: 200, ticks: [0, 100, 200] });
    expect(chartScale([])).toEqual({ top: 1, ticks: [0, 0.5, 1] });
  });
});

describe('chartPath', () => {
  const box = { width: 100, height: 10, top: 10, slots: 3 };

  it('draws from the right edge, breaking at gaps', () => {
    expect(chartPath([0, 10, null], { ...box, slots: 3 })).toBe('M0.0 9L50.0 1');
    expect(chartPath([5], box)).toBe('M100.0 5');
    expect(chartPath([10, null, 0], box)).toBe('M0.0 1M100.0 9');
  });

  it('draws a value that wobbles within a pixel the same', () => {
    const idle = { width: 90, height: 22, top: 1, slots: 60 };
    expect(chartPath([0.055, 0.07], idle)).toBe(chartPath([0.07, 0.055], idle));
    expect(chartPath([0.055], idle)).not.toBe(chartPath([0.5], idle));
  });

  it('keeps a value above the top inside the box', () => {
    expect(chartPath([50], box)).toBe('M100.0 1');
  });
});

describe('markX', () => {
  const box = { width: 118, slots: 60, slotMs: 1000 };

  it('puts now on the right edge and a minute ago on the left', () => {
    expect(markX(5000, 5000, box)).toBe(118);
    expect(markX(0, 59_000, box)).toBe(0);
    expect(markX(29_500, 59_000, box)).toBe(59);
  });

  it('leaves out what is older than the chart, or later than now', () => {
    expect(markX(0, 60_000, box)).toBeNull();
    expect(markX(6000, 5000, box)).toBeNull();
  });
});
