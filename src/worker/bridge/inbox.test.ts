import { describe, expect, it } from 'vitest';
import {
  BridgeInbox,
  BYTES_PER_SECOND,
  FLOOD_REFUSALS,
  FRAMES_AT_ONCE,
  FRAMES_PER_SECOND,
  MAX_FRAME,
} from './inbox';

/** A frame of `length` bytes from the card 02:86:00:00:00:01 (or `source`). */
function frame(length = 60, source = [2, 0x86, 0, 0, 0, 1]) {
  const bytes = new Uint8Array(length);
  bytes.set(source, 6);
  return { from: 'pc1', bytes };
}

describe('what the other tabs send, checked before the page sees it', () => {
  it('takes a frame with its sender', () => {
    const inbox = new BridgeInbox(() => 0);
    expect(inbox.accept(frame())).toEqual(frame());
    expect(inbox.takeCounts()).toBeNull();
  });
  it('refuses what is not a frame, without throwing, and counts it', () => {
    const inbox = new BridgeInbox(() => 0);
    const junk: unknown[] = [
      null,
      undefined,
      42,
      'text',
      {},
      { from: 'pc1' },
      { ...frame(), from: 7 },
      { ...frame(), from: 'x'.repeat(64) },
      { from: 'pc1', bytes: [1, 2, 3] },
      frame(13),
      frame(MAX_FRAME + 1),
      frame(65_535),
      frame(60, [0, 0, 0, 0, 0, 0]),
      frame(60, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
    ];
    for (const data of junk) expect(inbox.accept(data)).toBeNull();
    expect(inbox.takeCounts()).toEqual({ malformed: junk.length, overLimit: 0, rests: 0 });
    expect(inbox.takeCounts()).toBeNull();
  });
  it('cleans the sender name as every name the lab shows', () => {
    const inbox = new BridgeInbox(() => 0);
    expect(inbox.accept({ ...frame(), from: 'pc\u202E1\u0007' })?.from).toBe('pc1');
  });
  it('takes a flood only up to its rate, and more as time passes', () => {
    let now = 0;
    const inbox = new BridgeInbox(() => now);
    let taken = 0;
    for (let i = 0; i < 200_000; i++) if (inbox.accept(frame())) taken++;
    expect(taken).toBe(FRAMES_AT_ONCE);
    expect(inbox.takeCounts()).toMatchObject({ malformed: 0, overLimit: 200_000 - FRAMES_AT_ONCE });
    for (let ms = 0; ms < 1000; ms += 10) {
      now += 10;
      for (let i = 0; i < 100; i++) if (inbox.accept(frame())) taken++;
    }
    expect(taken).toBe(FRAMES_AT_ONCE + FRAMES_PER_SECOND);
  });
  it('calls it a flood after so many refusals within a second, and counts each rest', () => {
    let now = 0;
    const inbox = new BridgeInbox(() => now);
    for (let i = 0; i < FRAMES_AT_ONCE + FLOOD_REFUSALS - 1; i++) inbox.accept(frame());
    expect(inbox.flooding()).toBe(false);
    inbox.accept(frame());
    expect(inbox.flooding()).toBe(true);
    expect(inbox.flooding()).toBe(false); // counted once
    // Refusals spread thinly over time are a busy link, not a flood.
    for (let s = 0; s < 10; s++) {
      now += 1000;
      for (let i = 0; i < FRAMES_PER_SECOND + 100; i++) inbox.accept(frame());
      expect(inbox.flooding()).toBe(false);
    }
    expect(inbox.takeCounts()?.rests).toBe(1);
  });

  it('limits bytes too: full-size frames hit the byte limit first', () => {
    let now = 0;
    const inbox = new BridgeInbox(() => now);
    let taken = 0;
    for (let ms = 0; ms < 1000; ms += 10) {
      now += 10;
      for (let i = 0; i < 100; i++) if (inbox.accept(frame(MAX_FRAME))) taken++;
    }
    expect(taken).toBeLessThan(FRAMES_PER_SECOND);
    expect(taken).toBeGreaterThanOrEqual(Math.floor(BYTES_PER_SECOND / MAX_FRAME));
  });
});
