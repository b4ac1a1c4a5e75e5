import { describe, expect, it } from 'vitest';
import { ANNOUNCE_AGAIN_MS, Arrival, MAX_KEPT } from './arrival';

function arrival() {
  const sent: number[] = [];
  const delivered: number[][] = [];
  const timers: Array<[number, () => void]> = [];
  const a = new Arrival({
    send: (frame) => sent.push(frame[0]!),
    deliver: (frames) => delivered.push(frames.map((f) => f[0]!)),
    later: (ms, work) => timers.push([ms, work]),
  });
  const frame = (n: number) => Uint8Array.of(n);
  return { a, sent, delivered, timers, frame };
}

describe('Arrival', () => {
  it('drops frames while the RAM fills, keeps them once the source stopped, hands them over when it runs', () => {
    const { a, sent, delivered, timers, frame } = arrival();
    expect(a.take([frame(1)])).toBe(false); // no arrival: the guest's as usual
    a.begin(frame(99));
    expect(a.take([frame(2)])).toBe(true); // dropped: RAM being filled
    expect(sent).toEqual([]);
    a.sourceStopped();
    expect(sent).toEqual([99]); // the network learns at once where it is
    expect(a.take([frame(3), frame(4)])).toBe(true);
    a.resumed();
    expect(delivered).toEqual([[3, 4]]);
    expect(a.take([frame(5)])).toBe(false);
    expect(timers.map(([ms]) => ms)).toEqual(ANNOUNCE_AGAIN_MS);
    timers.forEach(([, work]) => work());
    expect(sent).toHaveLength(1 + ANNOUNCE_AGAIN_MS.length);
  });

  it('keeps at most MAX_KEPT frames; a failed arrival drops them and announces nothing more', () => {
    const { a, sent, delivered, timers, frame } = arrival();
    a.begin(null);
    a.sourceStopped();
    a.take(Array.from({ length: MAX_KEPT + 10 }, (_, i) => frame(i)));
    a.end();
    expect(a.take([frame(1)])).toBe(false);
    expect(delivered).toEqual([]);
    expect(sent).toEqual([]);
    expect(timers).toEqual([]);
    a.begin(frame(7));
    a.sourceStopped();
    a.take(Array.from({ length: MAX_KEPT + 10 }, (_, i) => frame(i)));
    a.resumed();
    expect(delivered[0]).toHaveLength(MAX_KEPT);
  });
});
