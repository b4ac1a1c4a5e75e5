import { afterEach, describe, expect, it, vi } from 'vitest';
import { BridgeLink, TabBridge } from './TabBridge';
import { serveBridge } from '../../worker/bridge/serve';
import { VirtualSwitch } from './Switch';
import { arpRequest } from './testFrames.testing';

const undo: Array<() => void> = [];
afterEach(() => {
  for (const u of undo.splice(0)) u();
});

/** One tab of the lab: a switch, its bridge served on a MessagePort as the worker would. */
function tab(lan = 'LAN-T') {
  const link = new BridgeLink(() => {
    const { port1, port2 } = new MessageChannel();
    serveBridge(port2);
    return port1;
  });
  const sw = new VirtualSwitch(lan);
  const got: Array<{ from: string; bytes: Uint8Array }> = [];
  sw.events.on('frame', ({ from, bytes }) => got.push({ from, bytes }));
  const refused = { malformed: 0, overLimit: 0 };
  const bridge = new TabBridge(sw, link, lan, '⇄', (c) => {
    refused.malformed += c.malformed;
    refused.overLimit += c.overLimit;
  });
  const card = sw.attach('pc1', () => undefined);
  undo.push(() => {
    bridge.dispose();
    link.dispose();
  });
  return { sw, got, bridge, card, refused };
}

describe('TabBridge', () => {
  it('carries a frame to the same switch in another tab, with its sender marked', async () => {
    const a = tab();
    const b = tab();
    await new Promise((r) => setTimeout(r, 20)); // both joined
    const frame = arpRequest('02:86:00:00:00:01', '10.0.1.20', '10.0.1.21');
    a.bridge.sender = 'pc1';
    a.sw.input(a.card, frame);
    await vi.waitFor(() => expect(b.got.some((f) => f.from === 'pc1 ⇄')).toBe(true));
    expect([...b.got.find((f) => f.from === 'pc1 ⇄')!.bytes]).toEqual([...frame]);
  });

  it('refuses what another page of the origin posts that is not a frame, and says so', async () => {
    const b = tab('LAN-X');
    await new Promise((r) => setTimeout(r, 20));
    const rogue = new BroadcastChannel('aula86-switch:LAN-X');
    undo.push(() => rogue.close());
    rogue.postMessage(null);
    rogue.postMessage({ from: 'evil', bytes: new Uint8Array(65_535) });
    const ok = new Uint8Array(60);
    ok.set([2, 0x86, 0, 0, 0, 9], 6);
    rogue.postMessage({ from: 'ok', bytes: ok });
    await vi.waitFor(() => expect(b.got.map((f) => f.from)).toEqual(['ok ⇄']));
    await vi.waitFor(() => expect(b.refused.malformed).toBe(2));
  });

  it('reports refusals held back by the once-a-second rate even when no message follows', async () => {
    const b = tab('LAN-Y');
    await new Promise((r) => setTimeout(r, 20));
    const rogue = new BroadcastChannel('aula86-switch:LAN-Y');
    undo.push(() => rogue.close());
    rogue.postMessage(null); // reported at once
    await vi.waitFor(() => expect(b.refused.malformed).toBe(1));
    rogue.postMessage(null); // within the second: held back, then reported with nothing after it
    await vi.waitFor(() => expect(b.refused.malformed).toBe(2), { timeout: 2500 });
  });
});
