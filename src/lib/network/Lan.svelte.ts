// One virtual LAN of the lab: a named switch, the DHCP service the lab may offer on it, the log
// of what it carried (for the packet view and the pcap export) and its link to the switch of the
// same name in the lab's other tabs.
import { createSubscriber } from 'svelte/reactivity';
import type { Unsubscribe } from '../../common/events/emitter';
import { DhcpService } from './dhcp';
import { ipToString, macAt, parseSubnet, senderAddress } from './addresses';
import { PacketLog } from './PacketLog.svelte';
import { VirtualSwitch, type SwitchPort } from './Switch';
import { TabBridge, type BridgeLink, type RefusedFromTabs } from './TabBridge';

export interface LanSettings {
  name: string;
  /** "10.0.1.0/24" */
  subnet: string;
  dhcp: boolean;
}

export class Lan {
  readonly switch: VirtualSwitch;
  readonly log = new PacketLog();
  readonly subnet: string;
  /** Its VLAN id on a trunk (a router machine's card carries every switch, tagged). */
  readonly vlan: number;
  /** The address a router gets here, and the default route DHCP hands out: the first host. */
  readonly routerAddress: string;
  dhcpOn = $state.raw(true);
  /** What the lab's other tabs sent on this switch that the bridge refused, since it started. */
  refusedFromTabs = $state.raw<RefusedFromTabs>({ malformed: 0, overLimit: 0, rests: 0 });
  readonly #dhcp: DhcpService;
  readonly #dhcpPort: SwitchPort;
  readonly #bridge: TabBridge | null;
  readonly #undo: Array<() => void> = [];

  constructor(
    settings: LanSettings,
    vlan: number,
    /** The name of this tab's machine with that MAC address (DHCP answers only those), or null. */
    machineOf: (mac: string) => string | null,
    /** The host number DHCP gives a machine of this tab when it is free (pc1 → 11), or null. */
    hostNumber: (name: string) => number | null,
    labels: { dhcp: string; otherTabs: string },
    bridge: BridgeLink | null = null,
  ) {
    const subnet = parseSubnet(settings.subnet);
    if (!subnet) throw new Error(`not a subnet: ${settings.subnet}`);
    this.subnet = settings.subnet;
    this.vlan = vlan;
    this.routerAddress = `${ipToString(subnet.network + 1)}/${subnet.prefix}`;
    this.dhcpOn = settings.dhcp;
    this.switch = new VirtualSwitch(settings.name);
    this.#dhcp = new DhcpService({
      ...subnet,
      router: subnet.network + 1,
      prefer: (mac) => hostNumber(machineOf(mac) ?? ''),
    });
    // Each tab has its own DHCP service on a shared switch; each answers only its own machines.
    this.#dhcpPort = this.switch.attach(labels.dhcp, (frame) => {
      if (!this.dhcpOn || machineOf(macAt(frame, 6)) === null) return;
      for (const reply of this.#dhcp.handle(frame)) this.switch.input(this.#dhcpPort, reply);
    });
    this.#bridge = bridge
      ? new TabBridge(this.switch, bridge, settings.name, labels.otherTabs, (counts) => {
          const total = this.refusedFromTabs;
          this.refusedFromTabs = {
            malformed: total.malformed + counts.malformed,
            overLimit: total.overLimit + counts.overLimit,
            rests: total.rests + counts.rests,
          };
        })
      : null;
    this.#undo.push(
      this.switch.events.on('frame', ({ time, port, from, bytes }) => {
        if (this.#bridge) this.#bridge.sender = from;
        if (port === this.#bridge?.port) {
          // Another tab's machine: the address it uses is not handed to one of this tab's.
          const address = senderAddress(bytes);
          if (address !== null) this.#dhcp.noteInUse(address);
        }
        this.log.add(time, from, bytes);
      }),
    );
  }

  /** Calls `listener` when what the views show of this switch changes: its traffic (at most ten
   * times a second, with its packet log), its ports or their links. */
  onRedraw(listener: () => void): Unsubscribe {
    const undo = [
      this.log.events.on('redrawn', listener),
      this.switch.events.on('changed', listener),
    ];
    return () => undo.forEach((u) => u());
  }

  readonly #watch = createSubscriber((update) => this.onRedraw(update));

  /** The switch's ports, their counters as they are (a component reading them redraws with them). */
  get ports(): readonly SwitchPort[] {
    this.#watch();
    return this.switch.ports;
  }

  get name(): string {
    return this.switch.name;
  }

  /** Addresses the lab's DHCP service handed out here. */
  leases(): Array<{ mac: string; address: string }> {
    return this.#dhcp.leases();
  }

  dispose(): void {
    for (const undo of this.#undo) undo();
    this.#bridge?.dispose();
    this.log.dispose();
    this.switch.dispose();
  }
}
