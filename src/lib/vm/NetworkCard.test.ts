import { describe, expect, it } from 'vitest';
import { VirtualSwitch } from '../network/Switch';
import { NetworkCard, type ControlPort } from './NetworkCard.svelte';

/** A guest's control port: lines it answers come when the test says; each goes to every
 * request still waiting that takes it, as the console's does. */
function guest() {
  const waiting: { matches: (line: string) => boolean; resolve: (line: string) => void }[] = [];
  const control: ControlPort = {
    request: (line, matches) =>
      line === 'dhcp'
        ? new Promise((resolve) => waiting.push({ matches, resolve }))
        : Promise.resolve(line),
  };
  const answer = (line: string) => {
    for (const request of waiting.filter((r) => r.matches(line))) {
      waiting.splice(waiting.indexOf(request), 1);
      request.resolve(line);
    }
  };
  return { control, answer };
}

/** The card's requests before its DHCP one have been answered (the fake answers at once). */
const requestsSent = async () => {
  await Promise.resolve();
  await Promise.resolve();
};

describe('NetworkCard', () => {
  it('takes the address DHCP gave on the switch it is plugged into', async () => {
    const card = new NetworkCard('02:86:00:00:00:01');
    card.plug(new VirtualSwitch('LAN-A'), 'pc1');
    const { control, answer } = guest();
    const configured = card.configureGuest(control, '10.0.1.0/24');
    await requestsSent();
    answer('dhcp 10.0.1.20/24');
    await configured;
    expect(card.address).toBe('10.0.1.20/24');
  });

  it('a late answer from before a re-plug is not the card’s address', async () => {
    const card = new NetworkCard('02:86:00:00:00:01');
    card.plug(new VirtualSwitch('LAN-A'), 'pc1');
    const { control, answer } = guest();
    const first = card.configureGuest(control, '10.0.1.0/24');
    await requestsSent();
    card.plug(new VirtualSwitch('LAN-B'), 'pc1'); // the student moves the cable meanwhile
    answer('dhcp 10.0.1.89/24'); // LAN-A's answer, late
    await first;
    expect(card.address).toBeNull();
  });

  it('a late lease from the switch it was plugged into before does not answer the new request', async () => {
    const card = new NetworkCard('02:86:00:00:00:01');
    card.plug(new VirtualSwitch('LAN-A'), 'pc1');
    const { control, answer } = guest();
    const first = card.configureGuest(control, '10.0.1.0/24');
    await requestsSent();
    card.plug(new VirtualSwitch('LAN-B'), 'pc1');
    const second = card.configureGuest(control, '10.0.2.0/24');
    await requestsSent();
    answer('dhcp 10.0.1.12/24'); // the first request's lease arrives after the second was sent
    await first;
    answer('dhcp 10.0.2.12/24');
    expect(await second).toBe(true);
    expect(card.address).toBe('10.0.2.12/24');
  });
});
