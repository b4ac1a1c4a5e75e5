import { describe, expect, it } from 'vitest';
import { LOCAL_HOLD_MS, VirtualSwitch } from './Switch';
import { arpRequest, frame, icmpEcho } from './testFrames.testing';

const A = '02:86:00:00:00:0a';
const B = '02:86:00:00:00:0b';
const ping = (dst: string, src: string) =>
  frame(dst, src, 0x0800, icmpEcho(8, '10.0.1.1', '10.0.1.2', 1, 1));

function threePorts(options = {}) {
  const sw = new VirtualSwitch('LAN-A', options);
  const got: Record<string, Uint8Array[]> = { a: [], b: [], c: [] };
  const a = sw.attach('a', (f) => got.a!.push(f));
  const b = sw.attach('b', (f) => got.b!.push(f));
  const c = sw.attach('c', (f) => got.c!.push(f));
  return { sw, got, a, b, c };
}

describe('VirtualSwitch', () => {
  it('floods broadcasts and unknown destinations to every other port', () => {
    const { sw, got, a } = threePorts();
    sw.input(a, arpRequest(A, '10.0.1.1', '10.0.1.2'));
    sw.input(a, ping(B, A)); // B not learned yet
    expect(got.a).toHaveLength(0);
    expect(got.b).toHaveLength(2);
    expect(got.c).toHaveLength(2);
  });

  it('learns where a MAC address is and then sends frames for it only there', () => {
    const { sw, got, a, b } = threePorts();
    sw.input(b, ping(A, B)); // B is learned on port b
    sw.input(a, ping(B, A));
    expect(got.b).toHaveLength(1);
    expect(got.c).toHaveLength(1); // only the first, flooded one
    expect(sw.macTable().map((e) => [e.mac, e.port.label])).toEqual([
      [B, 'b'],
      [A, 'a'],
    ]);
  });

  it('gives each port its own copy of a frame', () => {
    const { sw, got, a } = threePorts();
    const sent = arpRequest(A, '10.0.1.1', '10.0.1.2');
    sw.input(a, sent);
    expect(got.b![0]).toEqual(sent);
    expect(got.b![0]).not.toBe(got.c![0]);
    expect(got.b![0]!.buffer).not.toBe(sent.buffer);
  });

  it('keeps two switches apart: nothing crosses from one to the other', () => {
    const one = new VirtualSwitch('LAN-A');
    const two = new VirtualSwitch('LAN-B');
    const heard: Uint8Array[] = [];
    const p1 = one.attach('pc1', () => undefined);
    one.attach('pc2', () => undefined);
    two.attach('pc3', (f) => heard.push(f));
    one.input(p1, arpRequest(A, '10.0.1.1', '10.0.1.2'));
    expect(heard).toHaveLength(0);
  });

  it('counts frames and bytes in and out per port', () => {
    const { sw, a, b } = threePorts();
    const f = ping(B, A);
    sw.input(a, f);
    expect(a.counters).toMatchObject({ inFrames: 1, inBytes: f.length, outFrames: 0 });
    expect(b.counters).toMatchObject({ inFrames: 0, outFrames: 1, outBytes: f.length });
  });

  it('with the cable pulled, a port neither sends nor receives, and forgets its addresses', () => {
    const { sw, got, a, b } = threePorts();
    sw.input(b, ping(A, B));
    sw.setLink(b, false);
    expect(sw.macTable().map((e) => e.mac)).not.toContain(B);
    sw.input(a, arpRequest(A, '10.0.1.1', '10.0.1.2'));
    expect(got.b).toHaveLength(0);
    sw.input(b, ping(A, B));
    expect(b.counters.dropped).toBe(1);
  });

  it('drops what a port sends over its rate limit, and counts it', () => {
    let now = 0;
    const { sw, got, a } = threePorts({ framesPerSecond: 100, now: () => now });
    for (let i = 0; i < 150; i++) sw.input(a, ping(B, A));
    expect(got.b).toHaveLength(100);
    expect(a.counters.dropped).toBe(50);
    now += 500; // half a second refills half the bucket
    for (let i = 0; i < 60; i++) sw.input(a, ping(B, A));
    expect(got.b).toHaveLength(150);
    expect(a.counters.dropped).toBe(60);
  });

  it('forgets an address after the aging time and floods again', () => {
    let now = 0;
    const { sw, got, a, b } = threePorts({ agingMs: 1000, now: () => now });
    sw.input(b, ping(A, B));
    now = 2000;
    sw.input(a, ping(B, A));
    expect(got.c).toHaveLength(2);
  });

  it('tells who sent each frame, and stops forwarding to a detached port', () => {
    const { sw, got, a, b } = threePorts();
    const seen: string[] = [];
    sw.events.on('frame', (f) => seen.push(f.from));
    sw.input(a, ping(B, A));
    sw.input(b, ping(A, B), 'pc7 (other tab)');
    expect(seen).toEqual(['a', 'pc7 (other tab)']);
    sw.detach(b);
    sw.input(a, arpRequest(A, '10.0.1.1', '10.0.1.2'));
    expect(got.b).toHaveLength(1);
  });

  it('a machine that migrated here keeps its port against its late frames from the other tab', () => {
    let now = 0;
    const sw = new VirtualSwitch('LAN-A', { now: () => now });
    const got: Record<string, Uint8Array[]> = { here: [], tabs: [] };
    const here = sw.attach('pc2', (f) => got.here!.push(f));
    const pinger = sw.attach('pc1', () => undefined);
    const tabs = sw.attach('other tabs', (f) => got.tabs!.push(f), true);
    /** Where the pinger's next ping to A goes. */
    const pingGoesTo = () => {
      got.here = [];
      got.tabs = [];
      sw.input(pinger, ping(A, B));
      return [got.here.length ? 'here' : '', got.tabs.length ? 'tabs' : ''].join('');
    };
    sw.input(tabs, ping(B, A)); // A was in the other tab
    expect(pingGoesTo()).toBe('tabs');
    sw.input(here, arpRequest(A, '10.0.1.12', '10.0.1.12')); // A arrived here: its announcement
    expect(pingGoesTo()).toBe('here');
    now += 50;
    sw.input(tabs, ping(B, A)); // a frame A sent there before it stopped, late
    expect(pingGoesTo()).toBe('here');
    // A machine that moves away from here is learned over there at once (its port is gone)...
    sw.detach(here);
    sw.input(tabs, ping(B, A));
    expect(pingGoesTo()).toBe('tabs');
    // ...and one here silent for longer than the hold follows its frames.
    const again = sw.attach('pc3', (f) => got.here!.push(f));
    sw.input(again, ping(B, A));
    now += LOCAL_HOLD_MS;
    sw.input(tabs, ping(B, A));
    expect(pingGoesTo()).toBe('tabs');
  });
});
