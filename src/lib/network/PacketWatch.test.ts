import { afterEach, describe, expect, it, vi } from 'vitest';
import { Network } from './Network.svelte';
import { PacketWatch } from './PacketWatch.svelte';

const arp = (from: number) => {
  const bytes = new Uint8Array(42);
  bytes.fill(0xff, 0, 6);
  bytes.set([2, 0, 0, 0, 0, from], 6);
  bytes.set([0x08, 0x06], 12);
  return bytes;
};

// Restored in a hook: unit files share one thread, and a failed assertion must not leave the
// timers fake for the next file.
afterEach(() => vi.useRealTimers());

describe('PacketWatch', () => {
  it('keeps the frames on screen while paused, and filters by sender and protocol', () => {
    vi.useFakeTimers();
    const network = new Network(() => []);
    const watch = new PacketWatch(network);
    const log = network.lans[0]!.log;
    log.add(1, 'pc1', arp(1));
    log.add(2, 'pc2', arp(2));
    expect(watch.kept.map((f) => f.from)).toEqual(['pc1', 'pc2']);
    watch.togglePause();
    log.add(3, 'pc3', arp(3));
    expect(watch.paused).toBe(true);
    expect(watch.kept).toHaveLength(2); // what was on screen stays
    watch.togglePause();
    expect(watch.kept).toHaveLength(3);
    watch.machine = 'pc2';
    expect(watch.matching.map((f) => f.seq)).toEqual([2]);
    watch.machine = '';
    watch.protocol = 'tcp';
    expect(watch.matching).toEqual([]);
    network.dispose();
  });
});
