import { describe, expect, it } from 'vitest';
import { startLayout } from './LabLayout';
import type { LabLayout } from '../network/layout';

const lans = [
  { name: 'LAN-A', subnet: '10.0.1.0/24', dhcp: true },
  { name: 'LAN-B', subnet: '10.0.2.0/24', dhcp: true },
];
const machine = (name: string, mac: string, lan: string | null) => ({
  name,
  profile: 'tiny',
  mac,
  lan,
  linkUp: false,
});

describe('startLayout (a lesson’s start)', () => {
  const current: LabLayout = {
    lans,
    machines: [
      machine('pc1', '02:86:00:00:00:01', 'LAN-B'),
      machine('pc2', '02:86:00:00:00:02', 'trunk'),
      machine('pc3', '02:86:00:00:00:03', 'LAN-B'),
    ],
  };

  it('keeps the switches and the cards of machines kept; the others go; each plugged as asked', () => {
    const made = startLayout(current, [{ name: 'pc1' }, { name: 'pc3', lan: 'LAN-B' }], 'tiny');
    expect(made.lans).toBe(lans);
    expect(made.machines).toEqual([
      { name: 'pc1', profile: 'tiny', mac: '02:86:00:00:00:01', lan: 'LAN-A', linkUp: true },
      { name: 'pc3', profile: 'tiny', mac: '02:86:00:00:00:03', lan: 'LAN-B', linkUp: true },
    ]);
  });

  it('gives a machine the lab does not have a card of its own, of the lesson’s guest', () => {
    const made = startLayout(current, [{ name: 'pc4', lan: 'trunk' }], 'net', () => 'new-mac');
    expect(made.machines).toEqual([
      { name: 'pc4', profile: 'net', mac: 'new-mac', lan: 'trunk', linkUp: true },
    ]);
  });
});
