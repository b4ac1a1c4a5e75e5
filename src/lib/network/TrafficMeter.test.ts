import { describe, expect, it } from 'vitest';
import { VirtualSwitch } from './Switch';
import { TrafficMeter } from './TrafficMeter.svelte';

const frame = (to: number, from: number) => {
  const bytes = new Uint8Array(60);
  bytes.set([2, 0, 0, 0, 0, to], 0);
  bytes.set([2, 0, 0, 0, 0, from], 6);
  return bytes;
};

describe('TrafficMeter', () => {
  it('shows the counters as read at the last reading, and a port busy if it carried more since', () => {
    const sw = new VirtualSwitch('LAN-A');
    const a = sw.attach('pc1', () => undefined);
    const b = sw.attach('pc2', () => undefined);
    const meter = new TrafficMeter(() => sw.ports);
    meter.read();
    expect(meter.of(a)).toEqual({ inFrames: 0, outFrames: 0, busy: false });
    sw.input(a, frame(2, 1));
    expect(meter.of(a).inFrames).toBe(0); // not read again yet: no redraw per frame
    meter.read();
    expect(meter.of(a)).toMatchObject({ inFrames: 1, busy: true });
    expect(meter.sum([a, b]).inFrames).toBe(1);
    meter.read();
    expect(meter.of(a).busy).toBe(false); // nothing since the reading before
    sw.dispose();
  });
});
