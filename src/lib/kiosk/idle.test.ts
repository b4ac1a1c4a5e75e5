import { describe, expect, it } from 'vitest';
import { IdleCountdown } from './idle';

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
});
