import { describe, expect, it } from 'vitest';
import { slowdown, SpeedMeter } from './speed';

/** Readings every `step` ms at a constant `perMs` instructions per ms. */
function steady(meter: SpeedMeter, count: number, step: number, perMs: number, start = 0) {
  for (let i = 0; i < count; i++) meter.add({ at: start + i * step, total: i * step * perMs });
}

describe('SpeedMeter.rate', () => {
  it('is null until the readings span half the window', () => {
    const m = new SpeedMeter();
    expect(m.rate()).toBeNull();
    m.add({ at: 0, total: 0 });
    m.add({ at: 250, total: 1000 });
    expect(m.rate(1000)).toBeNull();
    m.add({ at: 500, total: 2000 });
    expect(m.rate(1000)).toBe(4000);
  });

  it('measures over the last window only', () => {
    const m = new SpeedMeter();
    steady(m, 9, 250, 1000); // 0..2000 ms at 1 M instructions/s
    // then 1 s at three times the speed
    const base = m.latest!;
    for (let i = 1; i <= 4; i++) m.add({ at: base.at + i * 250, total: base.total + i * 750_000 });
    expect(m.rate(1000)).toBe(3_000_000);
    expect(m.rate(3000)).toBeCloseTo(5_000_000 / 3, 0);
  });

  it('takes the reading closest to a window away, even when timestamps jitter', () => {
    const m = new SpeedMeter();
    m.add({ at: 0, total: 0 });
    m.add({ at: 250, total: 250 });
    m.add({ at: 501, total: 500 });
    m.add({ at: 749, total: 750 });
    m.add({ at: 998, total: 1000 });
    m.add({ at: 1249, total: 2000 });
    // 4 readings back is 999 ms away (the 1249 ms one would be further from 1 s)
    expect(m.rate(1000)).toBeCloseTo((1750 / 999) * 1000, 6);
  });

  it("uses the readings' own times, not regular spacing", () => {
    const m = new SpeedMeter();
    m.add({ at: 0, total: 0 });
    m.add({ at: 400, total: 400 });
    m.add({ at: 1300, total: 1300 });
    expect(m.rate(1000)).toBe(1000);
  });

  it('ignores readings that arrive out of order', () => {
    const m = new SpeedMeter();
    m.add({ at: 0, total: 0 });
    m.add({ at: 1000, total: 5000 });
    m.add({ at: 500, total: 999_999 });
    expect(m.rate(1000)).toBe(5000);
  });

  it('forgets readings older than its history but keeps a full window', () => {
    const m = new SpeedMeter(2000);
    steady(m, 41, 250, 10); // 10 s
    expect(m.totalAt(0)).toBeNull();
    expect(m.rate(1000)).toBe(10_000);
  });

  it('starts again after reset', () => {
    const m = new SpeedMeter();
    steady(m, 5, 250, 10);
    m.reset();
    expect(m.latest).toBeUndefined();
    expect(m.rate()).toBeNull();
  });
});

describe('SpeedMeter on a long, irregular history', () => {
  // Readings every ~250 ms plus bursts from output batches, as the lab gets them.
  const meter = new SpeedMeter();
  const readings: Array<{ at: number; total: number }> = [];
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (
    let at = 0, total = 0;
    at < 70_000;
    at += random() < 0.3 ? 3 + random() * 20 : 240 + random() * 20
  ) {
    total += Math.round(random() * 1e6);
    readings.push({ at, total });
    meter.add({ at, total });
  }
  const kept = readings.filter((r) => r.at >= readings.at(-1)!.at - 61_000);

  it('rate() picks the reading closest to a window away, as a search over all would', () => {
    const last = kept.at(-1)!;
    let from = kept[0]!;
    for (const r of kept) {
      if (Math.abs(last.at - r.at - 1000) < Math.abs(last.at - from.at - 1000)) from = r;
    }
    expect(meter.rate(1000)).toBe(((last.total - from.total) / (last.at - from.at)) * 1000);
  });

  it('totalAt() interpolates between the readings around the time', () => {
    for (const at of [kept[1]!.at + 1, 30_000.5, kept.at(-1)!.at - 0.25]) {
      const after = kept.findIndex((r, i) => i > 0 && r.at >= at);
      const a = kept[after - 1]!;
      const b = kept[after]!;
      expect(meter.totalAt(at)).toBeCloseTo(
        a.total + ((b.total - a.total) * (at - a.at)) / (b.at - a.at),
        6,
      );
    }
  });
});

describe('SpeedMeter.series', () => {
  it('gives one rate per second, oldest first, null where there is no history', () => {
    const m = new SpeedMeter();
    steady(m, 13, 250, 2); // 0..3000 ms at 2000/s
    const s = m.series(5, 1000);
    expect(s).toEqual([null, null, 2000, 2000, 2000]);
  });

  it('interpolates between readings that straddle a slice boundary', () => {
    const m = new SpeedMeter();
    m.add({ at: 0, total: 0 });
    m.add({ at: 1500, total: 1500 });
    m.add({ at: 2000, total: 3500 }); // 4000/s in the last half second
    expect(m.series(2, 1000)).toEqual([1000, 2500]);
  });
});

describe('slowdown', () => {
  it('divides the slow time by the fast one', () => {
    expect(slowdown(2, 46)).toBe(23);
  });
  it('is NaN when the fast time is zero or unknown', () => {
    expect(slowdown(0, 5)).toBeNaN();
    expect(slowdown(NaN, 5)).toBeNaN();
    expect(slowdown(1, NaN)).toBeNaN();
  });
});
