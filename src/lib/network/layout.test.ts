import { describe, expect, it } from 'vitest';
import { parseLabLayout, type LabLayout } from './layout';

const limits = { maxMachines: 4, profiles: ['tiny', 'tiny-ne2k'] };
const twoLans: LabLayout = {
  lans: [
    { name: 'LAN-A', subnet: '10.0.1.0/24', dhcp: true },
    { name: 'LAN-B', subnet: '10.0.2.0/24', dhcp: false },
  ],
  machines: [
    { name: 'pc1', profile: 'tiny', mac: '02:86:00:00:00:01', lan: 'LAN-A', linkUp: true },
    { name: 'pc2', profile: 'tiny-ne2k', mac: '02:86:00:00:00:02', lan: 'LAN-B', linkUp: true },
    { name: 'router', profile: 'tiny', mac: '02:86:00:00:00:03', lan: 'trunk', linkUp: true },
  ],
};
const withMachines = (machines: unknown[]) => ({ lans: twoLans.lans, machines });

describe('parseLabLayout', () => {
  it('reads a lab of two switches and a router, filling in defaults', () => {
    expect(parseLabLayout(twoLans, limits)).toEqual(twoLans);
    const short = parseLabLayout(
      {
        lans: [{ name: 'A', subnet: '10.0.1.0/24' }],
        machines: [{ name: 'pc1', profile: 'tiny', mac: '02:86:00:00:00:0A' }],
      },
      limits,
    );
    expect(short.lans[0]!.dhcp).toBe(true);
    expect(short.machines[0]).toEqual({
      name: 'pc1',
      profile: 'tiny',
      mac: '02:86:00:00:00:0a',
      lan: null,
      linkUp: true,
    });
  });

  it('keeps a machine given more memory than its guest, within bounds', () => {
    const bigger = { ...twoLans.machines[0], memoryMb: 128 };
    expect(parseLabLayout(withMachines([bigger]), limits).machines[0]!.memoryMb).toBe(128);
    for (const memoryMb of [8, 4096, 64.5, '64']) {
      expect(() =>
        parseLabLayout(withMachines([{ ...twoLans.machines[0], memoryMb }]), limits),
      ).toThrow(/machines\[0\]\.memoryMb/);
    }
  });

  it('refuses a card plugged into a switch the layout does not have', () => {
    const bad = withMachines([{ ...twoLans.machines[0], lan: 'LAN-Z' }]);
    expect(() => parseLabLayout(bad, limits)).toThrow('machines[0].lan: no switch called "LAN-Z"');
  });

  it('refuses duplicate MAC addresses and names', () => {
    const m = twoLans.machines;
    expect(() => parseLabLayout(withMachines([m[0], { ...m[1], mac: m[0]!.mac }]), limits)).toThrow(
      'machines[1].mac: 02:86:00:00:00:01 is used twice',
    );
    expect(() => parseLabLayout(withMachines([m[0], { ...m[1], name: 'pc1' }]), limits)).toThrow(
      'machines[1].name: pc1 is used twice',
    );
  });

  it('refuses more machines than a lab holds, two routers, unknown profiles and bad fields', () => {
    const many = [1, 2, 3, 4, 5].map((i) => ({
      name: `pc${i}`,
      profile: 'tiny',
      mac: `02:86:00:00:00:0${i}`,
    }));
    expect(() => parseLabLayout(withMachines(many), limits)).toThrow(
      'machines: 5 machines, a lab holds at most 4',
    );
    const m = twoLans.machines;
    expect(() => parseLabLayout(withMachines([m[2], { ...m[1], lan: 'trunk' }]), limits)).toThrow(
      'more than one router',
    );
    expect(() => parseLabLayout(withMachines([{ ...m[0], profile: 'dos' }]), limits)).toThrow(
      'no guest profile "dos"',
    );
    expect(() =>
      parseLabLayout(withMachines([{ ...m[0], mac: '03:00:00:00:00:01' }]), limits),
    ).toThrow('machines[0].mac: must be a unicast address');
    expect(() =>
      parseLabLayout({ lans: [{ name: 'A', subnet: '10.0.1.0/33' }], machines: [m[0]] }, limits),
    ).toThrow('lans[0].subnet: must be a subnet like 10.0.1.0/24');
  });
});
