// A machine's network card as the lab sees it: its kind (the profile's), its MAC address (the
// lab's, kept across resets and restores), the switch port it is plugged into, and the address
// the guest got. Frames go from the guest to the port and from the port to the guest, a tick's
// worth per message.
import type { NicKind } from './devices.mjs';
import { randomMac } from '../network/addresses';
import type { SwitchPort, VirtualSwitch } from '../network/Switch';

/** The guest's control port: a line out, the guest's answer back (see SerialConsole.request). */
export interface ControlPort {
  request(
    line: string,
    matches: (answer: string) => boolean,
    timeoutMs?: number,
  ): Promise<string | null>;
}

const DHCP_TIMEOUT_MS = 15_000;

/** Where frames for the guest go: the emulator worker, while one runs. */
export type FrameSink = (frames: Uint8Array<ArrayBuffer>[]) => void;

export class NetworkCard {
  readonly mac: string;
  kind = $state.raw<NicKind | null>(null);
  /** The switch it is plugged into (null: unplugged). */
  switch = $state.raw<VirtualSwitch | null>(null);
  /** The guest's IPv4 address and prefix, as its DHCP answer said ("10.0.1.23/24"). */
  address = $state.raw<string | null>(null);
  linkUp = $state.raw(true);
  #port: SwitchPort | null = null;
  #sink: FrameSink | null = null;
  #incoming: Uint8Array<ArrayBuffer>[] = [];

  constructor(mac = randomMac()) {
    this.mac = mac;
  }

  get port(): SwitchPort | null {
    return this.#port;
  }

  /** The emulator now running the guest (null: none). */
  connect(sink: FrameSink | null): void {
    this.#sink = sink;
    this.#incoming = [];
  }

  /** Plugs the card into `target` as `label` (unplugging it first); null unplugs it. */
  plug(target: VirtualSwitch | null, label: string): void {
    if (this.switch && this.#port) this.switch.detach(this.#port);
    this.#port = null;
    this.switch = target;
    this.address = null;
    if (!target) return;
    this.#port = target.attach(label, (frame) => this.#receive(frame as Uint8Array<ArrayBuffer>));
    target.setLink(this.#port, this.linkUp);
  }

  setLink(up: boolean): void {
    this.linkUp = up;
    if (this.switch && this.#port) this.switch.setLink(this.#port, up);
  }

  /** The machine's name changed: the switch shows the new one. */
  relabel(label: string): void {
    if (this.#port) this.#port.label = label;
  }

  /**
   * Tells the guest its card's MAC address (the link comes up with it) and, when the switch
   * offers DHCP, asks it to get an address; the address it got is shown. False: no answer.
   */
  async configureGuest(control: ControlPort, dhcp: boolean): Promise<boolean> {
    const mac = `mac ${this.mac}`;
    if ((await control.request(mac, (line) => line === mac)) === null) return false;
    if (!dhcp || !this.switch) return true;
    const answer = await control.request('dhcp', (l) => l.startsWith('dhcp'), DHCP_TIMEOUT_MS);
    this.address = answer?.slice('dhcp '.length).trim() || null;
    return answer !== null;
  }

  /** Frames the guest sent. */
  transmit(frames: Uint8Array[]): void {
    const { switch: target } = this;
    const port = this.#port;
    if (!target || !port) return;
    for (const frame of frames) target.input(port, frame);
  }

  dispose(): void {
    this.plug(null, '');
    this.#sink = null;
  }

  #receive(frame: Uint8Array<ArrayBuffer>): void {
    if (!this.#sink) return;
    this.#incoming.push(frame);
    if (this.#incoming.length === 1) queueMicrotask(() => this.#flush());
  }

  #flush(): void {
    const frames = this.#incoming;
    this.#incoming = [];
    if (frames.length > 0) this.#sink?.(frames);
  }
}
