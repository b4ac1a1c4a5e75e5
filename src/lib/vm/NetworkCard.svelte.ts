// A machine's network card as the lab sees it: its kind (the profile's), its MAC address (the
// lab's, kept across resets and restores), where its cable goes (one switch, or every switch as
// an 802.1Q trunk, which makes the machine a router), and the address the guest got. Frames go
// from the guest to the switch and back, a tick's worth per message.
import type { NicKind } from '../../common/devices.mjs';
import { DisposableStore } from '../../common/events/emitter';
import type { Emulator } from './EmulatorClient';
import { inSubnet, randomMac } from '../network/addresses';
import type { SwitchPort, VirtualSwitch } from '../network/Switch';
import { tag, untag, vlanOf } from '../network/vlan';

/** The guest's control port: a line out, the guest's answer back (see SerialConsole.request). */
export interface ControlPort {
  request(
    line: string,
    matches: (answer: string) => boolean,
    timeoutMs?: number,
  ): Promise<string | null>;
}

/** One switch the card reaches: untagged (vlan null), or as one VLAN of a trunk. */
export interface CardLink {
  switch: VirtualSwitch;
  vlan: number | null;
  /** On a trunk: the machine's address in that VLAN ("10.0.1.1/24"). */
  address?: string;
}

const DHCP_TIMEOUT_MS = 15_000;

export class NetworkCard {
  /** Its MAC address (the lab's choice; a restored lab gives back the one it saved). */
  mac = $state.raw('');
  kind = $state.raw<NicKind | null>(null);
  /** The switch it is plugged into (null: unplugged, or a trunk). */
  switch = $state.raw<VirtualSwitch | null>(null);
  /** The switches it reaches, tagged (empty unless it is a trunk). */
  trunk = $state.raw<CardLink[]>([]);
  /** The guest's IPv4 address and prefix ("10.0.1.23/24"; on a trunk, one per VLAN). */
  address = $state.raw<string | null>(null);
  linkUp = $state.raw(true);
  #ports: Array<{ link: CardLink; port: SwitchPort }> = [];
  /** Bumped when the cable or the emulator changes: a setup under way is then out of date. */
  #cabling = 0;
  #emulator: Pick<Emulator, 'on' | 'receiveFrames'> | null = null;
  #subscriptions = new DisposableStore();
  #incoming: Uint8Array<ArrayBuffer>[] = [];

  constructor(mac = randomMac()) {
    this.mac = mac;
  }

  /** The ports it is plugged into. */
  get ports(): SwitchPort[] {
    return this.#ports.map((p) => p.port);
  }

  /**
   * The emulator now running the guest (null: none): the card hears the frames it sends and
   * hands it the switch's. A new guest has no address yet.
   */
  connect(emulator: Pick<Emulator, 'on' | 'receiveFrames'> | null): void {
    this.#subscriptions.dispose();
    this.#emulator = emulator;
    this.#incoming = [];
    this.#cabling++;
    this.address = null;
    if (emulator) this.#subscriptions.add(emulator.on('frames', (frames) => this.transmit(frames)));
  }

  /** Plugs the card into `target` as `label` (unplugging it first); null unplugs it. */
  plug(target: VirtualSwitch | null, label: string): void {
    this.#attach(target ? [{ switch: target, vlan: null }] : [], label);
    this.switch = target;
    this.trunk = [];
  }

  /** Plugs the card into every switch of `links`, each as a VLAN of one 802.1Q trunk. */
  plugTrunk(links: CardLink[], label: string): void {
    this.#attach(links, label);
    this.switch = null;
    this.trunk = links;
  }

  setLink(up: boolean): void {
    this.linkUp = up;
    for (const { link, port } of this.#ports) link.switch.setLink(port, up);
  }

  /** A guest that ran on another host now runs behind this card: its MAC address and its
   * address are the card's (a setup of the guest before is out of date). */
  adopt(mac: string, address: string | null): void {
    this.#cabling++;
    this.mac = mac;
    this.address = address;
  }

  /** The machine's name changed: the switches show the new one. */
  relabel(label: string): void {
    for (const { port } of this.#ports) port.label = label;
  }

  /**
   * Tells the guest its card's MAC address (the link comes up with it); then, on a trunk, its
   * VLAN interfaces and their addresses, or else an address by DHCP when the switch offers it.
   * The address it got is shown. `dhcpSubnet`: the switch's DHCP service's subnet (null: no
   * service). False: the guest did not answer.
   */
  async configureGuest(control: ControlPort, dhcpSubnet: string | null): Promise<boolean> {
    // Re-plugged or reconnected meanwhile: this setup's late answers are not the card's address.
    const cabling = this.#cabling;
    const current = () => cabling === this.#cabling;
    const mac = `mac ${this.mac}`;
    if ((await control.request(mac, (line) => line === mac)) === null) return false;
    const trunk = this.trunk.filter((link) => link.vlan !== null && link.address);
    const vlans = `vlans ${trunk.map((l) => `${l.vlan}=${l.address}`).join(' ')}`.trim();
    if ((await control.request(vlans, (line) => line === vlans)) === null) return false;
    if (trunk.length > 0) {
      if (current()) this.address = trunk.map((link) => link.address).join(', ');
      return true;
    }
    if (dhcpSubnet === null || !this.switch) return true;
    // A lease on another switch is the answer of a request from before a re-plug, still on
    // its way: not this one's.
    const ours = (line: string) =>
      line === 'dhcp' || (line.startsWith('dhcp ') && inSubnet(line.slice(5), dhcpSubnet));
    const answer = await control.request('dhcp', ours, DHCP_TIMEOUT_MS);
    if (current()) this.address = answer?.slice('dhcp '.length).trim() || null;
    return answer !== null;
  }

  /** Frames the guest sent: to its switch, or on a trunk to the switch of the frame's VLAN. */
  transmit(frames: Uint8Array[]): void {
    for (const frame of frames) {
      const vlan = vlanOf(frame);
      const to = this.#ports.find((p) => p.link.vlan === vlan);
      if (to) to.link.switch.input(to.port, vlan === null ? frame : untag(frame));
      else this.#dropUntagged();
    }
  }

  dispose(): void {
    this.plug(null, '');
    this.connect(null);
  }

  #dropUntagged(): void {
    const first = this.#ports[0];
    if (first) first.port.counters.dropped++;
  }

  #attach(links: CardLink[], label: string): void {
    for (const { link, port } of this.#ports) link.switch.detach(port);
    this.#cabling++;
    this.address = null;
    this.#ports = links.map((link) => {
      const port = link.switch.attach(label, (frame) =>
        this.#receive(
          link.vlan === null ? (frame as Uint8Array<ArrayBuffer>) : tag(frame, link.vlan),
        ),
      );
      link.switch.setLink(port, this.linkUp);
      return { link, port };
    });
  }

  #receive(frame: Uint8Array<ArrayBuffer>): void {
    if (!this.#emulator) return;
    this.#incoming.push(frame);
    if (this.#incoming.length === 1) queueMicrotask(() => this.#flush());
  }

  #flush(): void {
    const frames = this.#incoming;
    this.#incoming = [];
    if (frames.length > 0) this.#emulator?.receiveFrames(frames);
  }
}
