import { afterEach, describe, expect, it, vi } from 'vitest';
import { machineCost } from '../lab/capacity';
import { testLab } from '../lab/testLab.testing';
import { UserError } from '../notices/notice';
import { arpRequest } from './testFrames.testing';
import { vlanOf } from './vlan';

const MiB = 1024 * 1024;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
afterEach(() => vi.unstubAllGlobals());

/** A lab of `n` machines, all resumed and at their prompts. */
async function runningLab(n: number) {
  const { lab, emulators } = testLab({ machines: n });
  lab.start();
  await settle();
  for (const fake of emulators.made) fake.resume();
  await settle();
  await settle();
  return { lab, emulators };
}

describe('the lab network', () => {
  it('plugs every machine into the first switch; once up, the guest gets its MAC and an address', async () => {
    const { lab, emulators } = await runningLab(2);
    const [pc1, pc2] = lab.machines;
    const lanA = lab.network.lans[0]!;
    expect(lab.network.lans.map((l) => l.name)).toEqual(['LAN-A', 'LAN-B']);
    expect(pc1!.nic.switch).toBe(lanA.switch);
    expect(pc1!.nic.mac).toMatch(/^02:86(:[0-9a-f]{2}){4}$/);
    expect(pc1!.nic.mac).not.toBe(pc2!.nic.mac);
    expect(pc1!.nic.kind).toBe('virtio');
    // The worker is told which card the machine has.
    expect(emulators.made[0]!.config?.hardware.nic).toBe('virtio');
    await vi.waitFor(() => expect(pc1!.nic.address).toBe('10.0.1.20/24'));
    expect(emulators.made[0]!.serial[1]).toContain(`mac ${pc1!.nic.mac}\nvlans\ndhcp\n`);
    // Its ports: the DHCP service and the two cards (no workers here, so no link to other tabs:
    // TabBridge.test.ts has that).
    expect(lanA.switch.ports.map((p) => p.label)).toEqual(['DHCP', 'pc1', 'pc2']);
    lab.destroy();
  });

  it('switches frames between the guests of one switch, and not into another switch', async () => {
    const { lab, emulators } = await runningLab(3);
    const [, , pc3] = lab.machines;
    lab.network.plug(pc3!, lab.network.lan('LAN-B'));
    const [one, two, three] = emulators.made;
    one!.sendFrame(arpRequest(lab.machines[0]!.nic.mac, '10.0.1.20', '10.0.1.21'));
    await settle();
    expect(two!.received).toHaveLength(1);
    expect(three!.received).toHaveLength(0);
    // The packet view's log has it, sent by pc1.
    expect(lab.network.lans[0]!.log.frames().map((f) => f.from)).toContain('pc1');
    lab.destroy();
  });

  it('makes a machine the router: its card carries every switch tagged, at the first address of each', async () => {
    const { lab, emulators } = await runningLab(2);
    const [pc1, pc2] = lab.machines;
    lab.network.plug(pc2!, 'trunk');
    await vi.waitFor(() => expect(pc2!.nic.address).toBe('10.0.1.1/24, 10.0.2.1/24'));
    expect(emulators.made[1]!.serial[1]).toContain('vlans 1=10.0.1.1/24 2=10.0.2.1/24\n');
    // A frame from pc1 reaches the router tagged with LAN-A's VLAN.
    emulators.made[0]!.sendFrame(arpRequest(pc1!.nic.mac, '10.0.1.20', '10.0.1.1'));
    await settle();
    expect(vlanOf(emulators.made[1]!.received.at(-1)!)).toBe(1);
    // A lab has one router.
    expect(() => lab.network.plug(pc1!, 'trunk')).toThrow(UserError);
    // From the cards table, the refusal is the network's notice, naming the router.
    lab.network.choosePlug(pc1!, 'trunk');
    expect(lab.network.notice).toMatchObject({
      key: 'net.error.oneRouter',
      params: { name: pc2!.name },
    });
    lab.network.choosePlug(pc1!, 'LAN-A');
    expect(lab.network.notice).toBeNull();
    lab.destroy();
  });

  it('refuses a switch with a taken or unusable name or subnet, and more than six', async () => {
    const { lab } = await runningLab(1);
    const net = lab.network;
    expect(() => net.addLan({ name: 'LAN-A', subnet: '10.0.9.0/24', dhcp: true })).toThrow(
      expect.objectContaining({ key: 'net.error.lanTaken' }),
    );
    expect(() => net.addLan({ name: 'a b', subnet: '10.0.9.0/24', dhcp: true })).toThrow(
      expect.objectContaining({ key: 'net.error.badLanName' }),
    );
    expect(() => net.addLan({ name: 'LAN-C', subnet: '10.0.9.0', dhcp: true })).toThrow(
      expect.objectContaining({ key: 'net.error.badSubnet' }),
    );
    for (const name of ['C', 'D', 'E', 'F'])
      net.addLan({ name, subnet: '10.0.9.0/24', dhcp: true });
    expect(() => net.addLan({ name: 'G', subnet: '10.0.9.0/24', dhcp: true })).toThrow(
      expect.objectContaining({ key: 'net.error.tooManyLans' }),
    );
    lab.destroy();
  });

  it('gives a machine another card by restarting it with the sibling profile', async () => {
    const { lab, emulators } = await runningLab(1);
    const pc1 = lab.machines[0]!;
    const mac = pc1.nic.mac;
    const changed = lab.changeNic(pc1, 'ne2k');
    await vi.waitFor(() => expect(emulators.made[1]?.config).toBeTruthy());
    emulators.made.at(-1)!.resume();
    await changed;
    expect(pc1.status).toBe('running');
    expect(pc1.profile?.id).toBe('tiny-ne2k');
    expect(pc1.nic.kind).toBe('ne2k');
    expect(emulators.made.at(-1)!.config?.hardware.nic).toBe('ne2k');
    expect(pc1.nic.mac).toBe(mac); // the lab's MAC survives the change of card
    lab.destroy();
  });
});

describe('the lab layout', () => {
  it('describes the lab, and a layout rebuilds it: switches, machines, names, cards and cables', async () => {
    const { lab, emulators } = await runningLab(1);
    const layout = {
      lans: [
        { name: 'LAN-A', subnet: '10.0.1.0/24', dhcp: true },
        { name: 'DMZ', subnet: '192.168.5.0/24', dhcp: false },
      ],
      machines: [
        { name: 'web', profile: 'tiny', mac: '02:86:00:00:00:01', lan: 'DMZ', linkUp: true },
        { name: 'gw', profile: 'tiny-ne2k', mac: '02:86:00:00:00:02', lan: 'trunk', linkUp: true },
      ],
    };
    const applied = lab.applyLayout(layout);
    // The new machine (and the changed card) power on from their pre-booted states.
    await vi.waitFor(() => {
      for (const fake of emulators.made.filter((f) => !f.destroyed && !f.resumed)) fake.resume();
      expect(lab.machines.map((m) => m.status)).toEqual(['running', 'running']);
    }, 4000);
    const machines = await applied;
    expect(machines.map((m) => m.name)).toEqual(['web', 'gw']);
    expect(lab.layout()).toEqual(layout);
    expect(lab.network.lan('LAN-B')).toBeNull();
    expect(lab.network.lan('DMZ')!.dhcpOn).toBe(false);
    lab.destroy();
  });

  it('refuses a layout with an unknown switch or more memory than the lab has, changing nothing', async () => {
    // Room for four machines of the shipped guest's size: eight do not fit.
    const { lab } = testLab({ machines: 1 }, { budgetBytes: 4 * machineCost(32 * MiB) });
    lab.start();
    await settle();
    const before = lab.layout();
    const machine = (i: number, lan: string) => ({
      name: `pc${i}`,
      profile: 'tiny',
      mac: `02:86:00:00:00:0${i}`,
      lan,
    });
    await expect(
      lab.applyLayout({ lans: before.lans, machines: [machine(1, 'LAN-Z')] }),
    ).rejects.toMatchObject({
      key: 'lab.error.layout',
      params: { detail: 'machines[0].lan: no switch called "LAN-Z"' },
    });
    const eight = [1, 2, 3, 4, 5, 6, 7, 8].map((i) => machine(i, 'LAN-A'));
    await expect(lab.applyLayout({ lans: before.lans, machines: eight })).rejects.toMatchObject({
      key: 'lab.error.layoutMemory',
    });
    expect(lab.layout()).toEqual(before);
    lab.destroy();
  });
});
