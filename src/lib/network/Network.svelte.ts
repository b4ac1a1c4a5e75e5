// The lab's virtual networks: its LANs (switches), which machine's card is plugged into which,
// and the guests' configuration once they are up (their MAC address, and DHCP where it is on).
import { TrafficMeter } from './TrafficMeter.svelte';
import { UserError, type Notice } from '../notices/notice';
import type { NicKind } from '../../common/devices.mjs';
import type { Machine } from '../vm/Machine.svelte';
import { parseSubnet } from './addresses';
import { claimTabNumber, hostNumberOf } from '../tabs/tabNumber';
import { Lan, type LanSettings } from './Lan.svelte';
import { BridgeLink } from './TabBridge';

export const MAX_LANS = 6;
export const DEFAULT_LANS: LanSettings[] = [
  { name: 'LAN-A', subnet: '10.0.1.0/24', dhcp: true },
  { name: 'LAN-B', subnet: '10.0.2.0/24', dhcp: true },
];

/** What the switch's own ports are called (the packet view's senders): the DHCP service, the link. */
export const PORT_LABELS = { dhcp: 'DHCP', otherTabs: '⇄' } as const;

export class Network {
  lans = $state.raw<Lan[]>([]);
  /** Why the last change asked for in the network panel was refused (null: none). */
  notice = $state.raw<Notice | null>(null);
  /** What each port carried, as the panels show it (the topology, the cards' table). */
  readonly traffic = new TrafficMeter(() => this.lans.flatMap((lan) => lan.switch.ports));
  // Plain bookkeeping, not UI state.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #redraws = new Map<Lan, () => void>();
  readonly #machines: () => readonly Machine[];
  /** The link to the lab's other tabs (none where there are no workers, as in unit tests). */
  readonly #bridge: BridgeLink | null;
  /** This tab's number among the lab's tabs (its machines' fixed addresses); null until known. */
  #tab: number | null = 1;
  /** Resolves once the tab's number is known. */
  readonly numbered: Promise<void>;

  constructor(
    machines: () => readonly Machine[],
    lans: LanSettings[] = DEFAULT_LANS,
    bridge: BridgeLink | null = typeof Worker === 'function' ? new BridgeLink() : null,
  ) {
    this.#machines = machines;
    this.#bridge = bridge;
    if (bridge) {
      // Shared switches span tabs: each tab's machines get addresses of their own.
      this.#tab = null;
      this.numbered = claimTabNumber().then((n) => void (this.#tab = n));
    } else this.numbered = Promise.resolve();
    for (const settings of lans) this.addLan(settings);
  }

  /** This tab's number among the lab's tabs (null: not known, or beyond the numbered ones). */
  get tab(): number | null {
    return this.#tab;
  }

  lan(name: string): Lan | null {
    return this.lans.find((lan) => lan.name === name) ?? null;
  }

  addLan(settings: LanSettings): Lan {
    if (this.lans.length >= MAX_LANS)
      throw new UserError('net.error.tooManyLans', { max: MAX_LANS });
    if (!/^[A-Za-z0-9-]{1,20}$/.test(settings.name)) {
      throw new UserError('net.error.badLanName', { name: settings.name });
    }
    if (this.lan(settings.name)) throw new UserError('net.error.lanTaken', { name: settings.name });
    if (!parseSubnet(settings.subnet)) {
      throw new UserError('net.error.badSubnet', { subnet: settings.subnet });
    }
    const used = this.lans.map((l) => l.vlan);
    let vlan = 1;
    while (used.includes(vlan)) vlan++;
    const lan = new Lan(
      settings,
      vlan,
      (mac) => this.#machines().find((m) => m.nic.mac === mac)?.name ?? null,
      (name) => hostNumberOf(name, this.#tab),
      PORT_LABELS,
      this.#bridge,
    );
    this.lans = [...this.lans, lan];
    this.#redraws.set(
      lan,
      lan.onRedraw(() => this.traffic.read()),
    );
    return lan;
  }

  removeLan(lan: Lan): void {
    this.lans = this.lans.filter((l) => l !== lan);
    this.#redraws.get(lan)?.();
    this.#redraws.delete(lan);
    for (const m of this.#machines()) {
      if (m.nic.switch === lan.switch) this.plug(m, null);
      if (m.nic.trunk.some((link) => link.switch === lan.switch)) this.plug(m, 'trunk');
    }
    lan.dispose();
  }

  /**
   * Plugs a machine's card into `lan`, or into every switch as an 802.1Q trunk ('trunk': the
   * machine becomes a router, at the first address of each subnet), or unplugs it (null); the
   * guest is set up again.
   */
  plug(machine: Machine, lan: Lan | 'trunk' | null): void {
    if (lan === 'trunk') {
      const router = this.#machines().find((m) => m !== machine && m.nic.trunk.length > 0);
      if (router) throw new UserError('net.error.oneRouter', { name: router.name });
      const links = this.lans.map((l) => ({
        switch: l.switch,
        vlan: l.vlan,
        address: l.routerAddress,
      }));
      machine.nic.plugTrunk(links, machine.name);
    } else machine.nic.plug(lan?.switch ?? null, machine.name);
    if (machine.status === 'running') void this.configure(machine);
  }

  /**
   * Plugs as the cards table says ('trunk', a switch's name, or '' to unplug); a refusal (a
   * second router) becomes the network's notice.
   */
  choosePlug(machine: Machine, value: string): void {
    this.notice = null;
    try {
      this.plug(machine, value === 'trunk' ? 'trunk' : this.lan(value));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      this.notice = error.notice;
    }
  }

  /** The LAN a machine's card is plugged into. */
  lanOf(machine: Machine): Lan | null {
    return this.lans.find((lan) => lan.switch === machine.nic.switch) ?? null;
  }

  /** A guest reached its prompt, or was restored: its MAC address, and an address by DHCP. */
  async configure(machine: Machine): Promise<boolean> {
    const lan = this.lanOf(machine);
    return machine.nic.configureGuest(machine.console, lan?.dhcpOn ? lan.subnet : null);
  }

  /** The lab's kinds of network card, as the profiles offer them. */
  static readonly kinds: readonly NicKind[] = ['virtio', 'ne2k'];

  dispose(): void {
    for (const undo of this.#redraws.values()) undo();
    this.traffic.dispose();
    for (const lan of this.lans) lan.dispose();
    this.lans = [];
    this.#bridge?.dispose();
  }
}
