import { afterEach, describe, expect, it, vi } from 'vitest';
import { PacketLog } from './PacketLog.svelte';

// Restored in a hook: unit files share one thread, and a failed assertion must not leave the
// timers fake for the next file.
afterEach(() => vi.useRealTimers());

describe('PacketLog', () => {
  it('keeps the last N frames in order and counts those that fell out', () => {
    vi.useFakeTimers();
    const log = new PacketLog(3);
    for (let i = 1; i <= 5; i++) log.add(i, 'pc1', Uint8Array.of(i));
    expect(log.frames().map((f) => f.seq)).toEqual([3, 4, 5]);
    expect(log.total).toBe(5);
    let redrawn = 0;
    log.events.on('redrawn', () => redrawn++);
    vi.advanceTimersByTime(99);
    expect(redrawn).toBe(0); // redrawn at most ten times a second
    vi.advanceTimersByTime(1);
    expect(redrawn).toBe(1);
    expect(log.overwritten).toBe(2);
    log.clear();
    expect(log.frames()).toEqual([]);
    expect(log.overwritten).toBe(0);
    log.dispose();
  });
});
