import { afterEach, describe, expect, it, vi } from 'vitest';
import { wakeNow, yieldOnThisThread } from './sameThreadYield';
import type { V86Loop } from './v86Internals';

/** A stand-in for v86's main loop: records the ticks it is called back with. */
function fakeLoop(running: boolean) {
  const ticks: number[] = [];
  const loop: V86Loop & { ticks: number[]; helperGone: boolean } = {
    running,
    ticks,
    helperGone: false,
    yield: () => {
      throw new Error("v86's own yield must not be used");
    },
    yield_callback: (tick) => ticks.push(tick),
    next_tick(delayMs) {
      this.yield(delayMs, 99);
    },
    unregister_yield() {
      this.helperGone = true;
    },
  };
  return loop;
}

const until = (check: () => boolean) => vi.waitFor(() => expect(check()).toBe(true));

afterEach(() => vi.useRealTimers());

describe('yieldOnThisThread', () => {
  it("ends v86's helper worker and reschedules the tick it would have echoed", async () => {
    const loop = fakeLoop(true);
    yieldOnThisThread(loop);
    expect(loop.helperGone).toBe(true);
    await until(() => loop.ticks.includes(99));
  });

  it('does not start a stopped machine', async () => {
    const loop = fakeLoop(false);
    yieldOnThisThread(loop);
    loop.yield(0, 1);
    await until(() => loop.ticks.length === 1);
    expect(loop.ticks).toEqual([1]);
  });

  it('runs the next slice at once, or after the delay the guest asked for', async () => {
    const loop = fakeLoop(false);
    yieldOnThisThread(loop);
    const started = performance.now();
    loop.yield(30, 2);
    loop.yield(0, 3);
    await until(() => loop.ticks.length === 2);
    expect(loop.ticks).toEqual([3, 2]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(29);
  });

  it('sleeps a whole millisecond for a timer due sooner, instead of spinning until it is due', async () => {
    const loop = fakeLoop(false);
    let slices = 0;
    yieldOnThisThread(loop, () => slices++);
    // v86 with a halted guest whose timer fires in 0.64 ms: each slice asks again, a little
    // less, until the timer is due (what spun hundreds of times a second).
    loop.yield_callback = (tick) => {
      loop.ticks.push(tick);
      const left = 0.64 - (performance.now() - started);
      if (left > 0) loop.yield(left, tick + 1);
    };
    const started = performance.now();
    loop.yield(0.64, 1);
    await until(() => performance.now() - started > 5);
    expect(loop.ticks.length).toBeLessThanOrEqual(2);
    expect(slices).toBeLessThanOrEqual(2);
  });
});

describe('wakeNow', () => {
  it('runs the next slice at once when the guest runs, and does nothing when it is stopped', async () => {
    const running = fakeLoop(true);
    yieldOnThisThread(running);
    await until(() => running.ticks.length === 1); // the tick rescheduled at set-up
    wakeNow(running);
    await until(() => running.ticks.length === 2);

    const stopped = fakeLoop(false);
    yieldOnThisThread(stopped);
    wakeNow(stopped);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped.ticks).toEqual([]);
  });
});
