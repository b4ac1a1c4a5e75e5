import { describe, expect, it } from 'vitest';
import { PinGuard, waitAfter, type AttemptStore, type PinAttempts } from './pinGuard';

function store(): AttemptStore & { value: PinAttempts | null } {
  return {
    value: null,
    read() {
      return this.value;
    },
    write(a) {
      this.value = a;
    },
  };
}

describe('PinGuard', () => {
  it('three wrong tries are free, then each try waits longer, up to five minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(waitAfter)).toEqual([
      0, 0, 5000, 10_000, 20_000, 40_000, 300_000,
    ]);
  });

  it('after the free tries a correct PIN also waits, then unlocks and clears the count', () => {
    let now = 1_000_000;
    const kept = store();
    const guard = new PinGuard('2468', kept, () => now);
    expect(guard.check('1')).toBe('wrong');
    expect(guard.check('2')).toBe('wrong');
    expect(guard.check('3')).toBe('wrong');
    expect(guard.check('2468')).toEqual({ waitMs: 5000 });
    now += 4999;
    expect(guard.waitMs()).toBe(1);
    now += 1;
    expect(guard.check('2468')).toBe('ok');
    expect(kept.value).toEqual({ failures: 0, blockedUntil: 0 });
  });

  it('the count survives a reload (a new guard on the same store)', () => {
    let now = Date.now();
    const kept = store();
    const first = new PinGuard('2468', kept, () => now);
    for (const guess of ['1', '2', '3', '4']) {
      now += 60_000;
      first.check(guess);
    }
    const second = new PinGuard('2468', kept, () => now);
    expect(second.waitMs()).toBe(10_000);
  });

  it('no PIN: nothing unlocks', () => {
    const guard = new PinGuard(null, store(), () => 0);
    expect(guard.check('')).toBe('wrong');
  });

  it('a stored count that is not one is ignored, and a huge wait is cut to five minutes', () => {
    const bad = store();
    bad.value = { failures: -3, blockedUntil: 0 };
    expect(new PinGuard('1234', bad).waitMs()).toBe(0);
    const huge = store();
    huge.value = { failures: 9, blockedUntil: Date.now() + 1e12 };
    expect(new PinGuard('1234', huge).waitMs()).toBeLessThanOrEqual(300_000);
  });
});
