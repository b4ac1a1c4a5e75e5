import { describe, expect, it } from 'vitest';
import { IdleCountdown, idleLimitMs } from './idle';

describe('IdleCountdown', () => {
  it('is active until the idle time has passed, then counts down to a reset', () => {
    const idle = new IdleCountdown(60_000, 10_000, 0);
    expect(idle.at(59_999)).toEqual({ phase: 'active' });
    expect(idle.at(60_000)).toEqual({ phase: 'countdown', secondsLeft: 10 });
    expect(idle.at(65_500)).toEqual({ phase: 'countdown', secondsLeft: 5 });
    expect(idle.at(69_999)).toEqual({ phase: 'countdown', secondsLeft: 1 });
    expect(idle.at(70_000)).toEqual({ phase: 'reset' });
  });
  it('any activity cancels the countdown and starts the idle time again', () => {
    const idle = new IdleCountdown(60_000, 10_000, 0);
    expect(idle.at(62_000).phase).toBe('countdown');
    idle.activity(62_000);
    expect(idle.at(62_000)).toEqual({ phase: 'active' });
    expect(idle.at(121_999)).toEqual({ phase: 'active' });
    expect(idle.at(122_000).phase).toBe('countdown');
  });
  it('can be asked with a longer idle time, or none at all', () => {
    const idle = new IdleCountdown(60_000, 10_000, 0);
    expect(idle.at(100_000, 180_000)).toEqual({ phase: 'active' });
    expect(idle.at(185_000, 180_000)).toEqual({ phase: 'countdown', secondsLeft: 5 });
    expect(idle.at(1e9, Infinity)).toEqual({ phase: 'active' });
  });
});

describe('idleLimitMs', () => {
  it('lengthens the idle time while a lesson is in progress, or pauses it, never shortens it', () => {
    expect(idleLimitMs({ idleMinutes: 10, lessonIdleMinutes: 30 }, false)).toBe(600_000);
    expect(idleLimitMs({ idleMinutes: 10, lessonIdleMinutes: 30 }, true)).toBe(1_800_000);
    expect(idleLimitMs({ idleMinutes: 10, lessonIdleMinutes: 'pause' }, true)).toBe(Infinity);
    expect(idleLimitMs({ idleMinutes: 10, lessonIdleMinutes: 2 }, true)).toBe(600_000);
  });
});
