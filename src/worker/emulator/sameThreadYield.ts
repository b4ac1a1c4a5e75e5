// v86 runs the guest's CPU in slices of about a millisecond and yields to the event loop between
// them. Its default yield, made for a page, posts a message to a helper worker and waits for the
// echo: two thread hops per slice, and on a busy two-core machine the helper thread often waits
// for a core (its JIT compiles run on the others). In our emulator worker the thread is ours, so
// the slice can be rescheduled on it directly, with a MessageChannel message to itself.
import type { V86Loop } from './v86Internals';

/** The least delay browsers give a timer set from a chain of five or more timers (HTML). */
const NESTED_TIMER_CLAMP_MS = 4;

/**
 * Makes `loop` yield on the current thread, for the life of the worker. `betweenSlices` runs at
 * each yield: work that must keep its pace while the guest computes flat out (a busy thread
 * runs its timers late).
 */
export function yieldOnThisThread(loop: V86Loop, betweenSlices: () => void = () => {}): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = ({ data }: MessageEvent<[number, number]>) => {
    betweenSlices();
    const [delayMs, tick] = data;
    if (delayMs <= 0) loop.yield_callback(tick);
    // A halted guest whose next timer is due in under a millisecond sleeps a whole one: yielding
    // at once would spin (v86 then asks again with a delay a few microseconds shorter, hundreds
    // of times a second, each a message: an idle guest took a tenth of a core that way). Set
    // from a message task, the timer is never clamped to 4 ms as nested timers are.
    else setTimeout(() => loop.yield_callback(tick), Math.ceil(delayMs));
  };
  loop.unregister_yield(); // v86's helper worker
  loop.yield = (delayMs, tick) => {
    // A halted guest's sleep until its next timer (tens of ms): one timer, no message first. A
    // timer set from a timer callback is clamped to 4 ms after five in a row, which is no
    // matter for a sleep that long. Timers count whole milliseconds and drop the fraction: a
    // sleep of 54.9 ms would end 0.9 ms early and take a second wake-up to reach the guest's
    // timer, so it is rounded up.
    if (delayMs >= NESTED_TIMER_CLAMP_MS)
      setTimeout(() => {
        betweenSlices();
        loop.yield_callback(tick);
      }, Math.ceil(delayMs));
    else channel.port2.postMessage([delayMs, tick]);
  };
  // A tick already sent to the helper worker is gone with it: schedule the next one here.
  if (loop.running) loop.next_tick(0);
}

/**
 * Runs the guest's next slice now rather than when its sleep would end: an idle guest waits in
 * HLT for its next timer tick (10 ms at 100 Hz), and a frame that just reached its card should
 * not wait for that (a ping's round trip crosses two idle guests), nor a line for its serial
 * port. No loop yet (v86 still loading): nothing to wake.
 */
export function wakeNow(loop: V86Loop | undefined): void {
  if (loop?.running) loop.next_tick(0);
}
