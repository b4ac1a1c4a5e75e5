// The packet view's state: which switch it shows, its filters (sender, protocol), whether it is
// paused (the frames kept then stay on screen while new ones are logged), the frame selected,
// and the kept frames exported as a pcap file. Frames are decoded once, when first shown.
import { saveBlob } from '../downloads/download';
import { decodeFrame, type DecodedFrame, type Protocol } from './decode';
import type { Network } from './Network.svelte';
import type { LoggedFrame } from './PacketLog.svelte';
import { writePcap } from './pcap';

/** Rows drawn at most: the newest. */
export const SHOWN = 150;
export const PROTOCOLS: Protocol[] = ['arp', 'icmp', 'tcp', 'udp', 'dhcp', 'ipv4', 'ipv6', 'other'];

export class PacketWatch {
  lanName = $state('');
  machine = $state('');
  protocol = $state<Protocol | ''>('');
  selected = $state.raw<LoggedFrame | null>(null);
  /** The frames on screen while paused (null: live). */
  #frozen = $state.raw<LoggedFrame[] | null>(null);
  #decoded = new WeakMap<LoggedFrame, DecodedFrame>();

  readonly lan = $derived.by(() => this.network.lan(this.lanName) ?? this.network.lans[0] ?? null);
  /** The frames kept (live, or as they were when paused), oldest first. */
  readonly kept = $derived(this.#frozen ?? this.lan?.log.frames() ?? []);
  // A plain Set that lives for one computation: nothing to react to.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly senders = $derived([...new Set(this.kept.map((f) => f.from))].sort());
  readonly matching = $derived(
    this.kept.filter(
      (f) =>
        (!this.machine || f.from === this.machine) &&
        (!this.protocol || this.decode(f).protocol === this.protocol),
    ),
  );
  readonly rows = $derived(this.matching.slice(-SHOWN));

  constructor(private readonly network: Network) {}

  get paused(): boolean {
    return this.#frozen !== null;
  }

  togglePause(): void {
    this.#frozen = this.#frozen ? null : (this.lan?.log.frames() ?? []);
  }

  decode(frame: LoggedFrame): DecodedFrame {
    let decoded = this.#decoded.get(frame);
    if (!decoded) this.#decoded.set(frame, (decoded = decodeFrame(frame.bytes)));
    return decoded;
  }

  /** The frames the switch's log keeps, as a pcap file (Wireshark, tcpdump -r). */
  exportPcap(): void {
    const lan = this.lan;
    if (!lan) return;
    const file = new Blob([writePcap(lan.log.frames())], { type: 'application/vnd.tcpdump.pcap' });
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a file name, not state
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    saveBlob(file, `aula86-${lan.name}-${stamp}.pcap`);
  }
}
