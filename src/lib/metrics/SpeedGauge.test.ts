import { describe, expect, it } from 'vitest';
import { SpeedGauge } from './SpeedGauge.svelte';

describe('SpeedGauge', () => {
  it('shows the instructions, MIPS and uptime once a second while the guest runs', () => {
    const gauge = new SpeedGauge();
    const seen: number[] = [];
    gauge.events.on('counter', (r) => seen.push(r.total));
    gauge.count({ value: 0, at: 0 }, true);
    gauge.count({ value: 20_000_000, at: 250 }, true); // too soon to show
    expect(gauge.samples).toBe(1);
    expect(gauge.instructions).toBe(0);
    expect(gauge.shownAt).toBe(0); // the time of the reading on screen, not of the latest one
    gauge.count({ value: 80_000_000, at: 1000 }, true);
    expect(gauge.samples).toBe(2);
    expect(gauge.shownAt).toBe(1000);
    expect(gauge.instructions).toBe(80_000_000);
    expect(gauge.mips).toBeCloseTo(80, 5);
    expect(gauge.uptimeMs).toBe(1000);
    expect(seen).toEqual([0, 20_000_000, 80_000_000]); // every reading, for a benchmark
  });

  it('does not count paused time as uptime, and wraps v86’s 32-bit counter', () => {
    const gauge = new SpeedGauge();
    gauge.count({ value: 2 ** 32 - 10, at: 0 }, true);
    gauge.count({ value: 2 ** 32 - 10, at: 5000 }, false); // paused for 5 s
    gauge.count({ value: 90, at: 6000 }, true); // wrapped: 100 more
    expect(gauge.instructions).toBe(100); // counted from the first reading
    expect(gauge.uptimeMs).toBe(1000);
  });

  it('starts again from zero on reset, keeping the uptime unless asked', () => {
    const gauge = new SpeedGauge();
    gauge.count({ value: 0, at: 0 }, true);
    gauge.count({ value: 1000, at: 1000 }, true);
    gauge.reset(false);
    expect(gauge.instructions).toBe(0);
    expect(gauge.shownAt).toBeNull();
    expect(gauge.mips).toBeNull();
    expect(gauge.uptimeMs).toBe(1000);
    gauge.reset(true);
    expect(gauge.uptimeMs).toBe(0);
  });
});
