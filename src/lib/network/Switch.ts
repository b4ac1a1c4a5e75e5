// A virtual Ethernet switch: ports that frames enter and leave by, a table of which MAC address
// was last seen on which port (learning), flooding of broadcast and unknown destinations, per-port
// counters, link up/down and a per-port rate limit, so a guest flooding the network (`ping -f`, a
// broadcast storm) costs dropped frames, counted, and never a frozen page.
import { Emitter } from '../../common/events/emitter';
import { isGroupMac, macAt } from './addresses';
import { TokenBucket } from '../../common/limits/tokenBucket';

export interface PortCounters {
  /** Frames and bytes that came in from the port's device. */
  inFrames: number;
  inBytes: number;
  /** Frames and bytes delivered to the port's device. */
  outFrames: number;
  outBytes: number;
  /** Frames from the device that the switch dropped (over the rate limit, or the link down). */
  dropped: number;
}

export interface SwitchPort {
  readonly id: number;
  /** Who is plugged in: a machine's name, "DHCP", or another tab. */
  label: string;
  /** False: the cable is pulled; nothing goes in or out. */
  linkUp: boolean;
  readonly counters: PortCounters;
}

/** A frame that entered the switch: what the packet view records. */
export interface SwitchedFrame {
  /** ms since the epoch. */
  time: number;
  port: SwitchPort;
  /** Who sent it: the port's label, or the machine behind it when the port leads to another tab. */
  from: string;
  bytes: Uint8Array;
}

export interface SwitchOptions {
  /** Frames a port may send per second (sustained, and as a burst); above it they are dropped. */
  framesPerSecond?: number;
  /** A learned address is forgotten after this long without a frame from it. */
  agingMs?: number;
  now?: () => number;
}

interface Port extends SwitchPort {
  deliver: (frame: Uint8Array) => void;
  /** The port that stands for the lab's other tabs (their machines are behind it). */
  remote: boolean;
  /** `rate` frames a second, at most `rate` saved up. */
  bucket: TokenBucket;
}

let ports = 0;
/** How long a machine of this tab keeps its place against frames from other tabs, ms. */
export const LOCAL_HOLD_MS = 5_000;

export class VirtualSwitch {
  readonly events = new Emitter<{ frame: SwitchedFrame; changed: null }>();
  readonly #ports = new Map<number, Port>();
  readonly #table = new Map<string, { port: Port; seenAt: number }>();
  readonly #rate: number;
  readonly #agingMs: number;
  readonly #now: () => number;

  constructor(
    public name: string,
    options: SwitchOptions = {},
  ) {
    this.#rate = options.framesPerSecond ?? 4000;
    this.#agingMs = options.agingMs ?? 300_000;
    this.#now = options.now ?? Date.now;
  }

  /** Plugs a device in: `deliver` gets each frame for it (its own copy). `remote`: the port
   * that stands for the lab's other tabs. */
  attach(label: string, deliver: (frame: Uint8Array) => void, remote = false): SwitchPort {
    const port: Port = {
      id: ++ports,
      label,
      remote,
      linkUp: true,
      counters: { inFrames: 0, inBytes: 0, outFrames: 0, outBytes: 0, dropped: 0 },
      deliver,
      bucket: new TokenBucket(this.#rate, this.#rate, this.#now),
    };
    this.#ports.set(port.id, port);
    this.events.emit('changed', null);
    return port;
  }

  detach(port: SwitchPort): void {
    if (!this.#ports.delete(port.id)) return;
    for (const [mac, entry] of this.#table) if (entry.port.id === port.id) this.#table.delete(mac);
    this.events.emit('changed', null);
  }

  setLink(port: SwitchPort, up: boolean): void {
    const own = this.#ports.get(port.id);
    if (!own || own.linkUp === up) return;
    own.linkUp = up;
    if (!up) for (const [mac, e] of this.#table) if (e.port.id === own.id) this.#table.delete(mac);
    this.events.emit('changed', null);
  }

  get ports(): SwitchPort[] {
    return [...this.#ports.values()];
  }

  /** The learned addresses: MAC → port label. */
  macTable(): Array<{ mac: string; port: SwitchPort }> {
    const now = this.#now();
    return [...this.#table]
      .filter(([, e]) => now - e.seenAt <= this.#agingMs)
      .map(([mac, e]) => ({ mac, port: e.port }));
  }

  /** A frame sent by the device on `from`: learned, recorded, forwarded or flooded. */
  input(from: SwitchPort, frame: Uint8Array, sender = from.label): void {
    const port = this.#ports.get(from.id);
    if (!port || frame.length < 14) return;
    const now = this.#now();
    if (!port.linkUp || !port.bucket.take()) {
      port.counters.dropped++;
      return;
    }
    port.counters.inFrames++;
    port.counters.inBytes += frame.length;
    const source = macAt(frame, 6);
    if (!isGroupMac(frame.subarray(6)) && !this.#heldHere(source, port, now))
      this.#table.set(source, { port, seenAt: now });
    this.events.emit('frame', { time: now, port, from: sender, bytes: frame });
    const known = isGroupMac(frame) ? undefined : this.#table.get(macAt(frame, 0));
    if (known && now - known.seenAt <= this.#agingMs) {
      if (known.port !== port) this.#send(known.port, frame);
      return;
    }
    for (const other of this.#ports.values()) if (other !== port) this.#send(other, frame);
  }

  dispose(): void {
    this.#ports.clear();
    this.#table.clear();
    this.events.clear();
  }

  /**
   * A machine of this tab that spoke lately stays where it is when a frame from its address
   * comes from another tab: one it sent there before it migrated here, still on its way (which
   * would send its traffic back to the tab it left, until it spoke again).
   */
  #heldHere(mac: string, from: Port, now: number): boolean {
    if (!from.remote) return false;
    const entry = this.#table.get(mac);
    return entry !== undefined && !entry.port.remote && now - entry.seenAt < LOCAL_HOLD_MS;
  }

  #send(port: Port, frame: Uint8Array): void {
    if (!port.linkUp) return;
    port.counters.outFrames++;
    port.counters.outBytes += frame.length;
    port.deliver(frame.slice());
  }
}
