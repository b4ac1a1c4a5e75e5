import { describe, expect, it } from 'vitest';
import { VirtualSwitch } from '../network/Switch';
import { NetworkCard, type ControlPort } from './NetworkCard.svelte';

/** A guest's control port whose DHCP answer comes when the test says. */
function guest() {
  let answerDhcp: (line: string) => void = () => undefined;
  const control: ControlPort = {
    request: (line) =>
      line === 'dhcp' ? new Promise((resolve) => (answerDhcp = resolve)) : Promise.resolve(line),
  };
  return { control, answer: (line: string) => answerDhcp(line) };
}

describe('NetworkCard', () => {
  it('takes the address DHCP gave on the switch it is plugged into', async () => {
    const card = new NetworkCard('02:86:00:00:00:01');
    card.plug(new VirtualSwitch('LAN-A'), 'pc1');
    const { control, answer } = guest();
    const configured = card.configureGuest(control, true);
    await Promise.resolve();
    await Promise.resolve();
    answer('dhcp 10.0.1.20/24');
    await configured;
    expect(card.address).toBe('10.0.1.20/24');
  });

  it('a late answer from before a re-plug is not the card’s address', async () => {
    const card = new NetworkCard('02:86:00:00:00:01');
    card.plug(new VirtualSwitch('LAN-A'), 'pc1');
    const { control, answer } = guest();
    const first = card.configureGuest(control, true);
    await Promise.resolve();
    await Promise.resolve();
    card.plug(new VirtualSwitch('LAN-B'), 'pc1'); // the student moves the cable meanwhile
    answer('dhcp 10.0.1.89/24'); // LAN-A's answer, late
    await first;
    expect(card.address).toBeNull();
  });
});
