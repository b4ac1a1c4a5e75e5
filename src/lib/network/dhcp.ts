// The DHCP service the lab offers on a switch (RFC 2131, the part a busybox udhcpc needs):
// DISCOVER → OFFER, REQUEST → ACK (or NAK for an address it did not offer), and ARP replies for
// its own address. A client keeps its address for the service's life; the address is picked
// from the client's MAC, so two tabs serving one switch rarely hand out the same one.
import { ipBytes, ipToString, macAt, parseMac, prefixMask } from './addresses';
import { arp, ethernet, ipv4, udp } from './build';

export interface DhcpConfig {
  /** The subnet's network address and prefix length (e.g. 10.0.1.0, 24). */
  network: number;
  prefix: number;
  /** A default router handed to clients (e.g. a router machine's address), or none. */
  router: number | null;
  /** The host number a client should get when it is free (pc1 → 11), so that worksheets can
   * name addresses; null: any from the pool. */
  prefer?: (mac: string) => number | null;
}

export const DHCP_SERVER_MAC = '02:86:00:00:00:fe';
const MAGIC = 0x63825363;
const LEASE_SECONDS = 86_400;

export class DhcpService {
  readonly mac = parseMac(DHCP_SERVER_MAC)!;
  /** The service's own address: the last of the subnet (the first is left for a router). */
  readonly address: number;
  readonly #first: number;
  readonly #size: number;
  readonly #leases = new Map<string, number>();
  /** Addresses seen in use by machines this service does not answer (the lab's other tabs). */
  readonly #inUse = new Set<number>();

  constructor(readonly config: DhcpConfig) {
    const hosts = 2 ** (32 - config.prefix);
    this.address = (config.network + hosts - 2) >>> 0;
    // Clients get .10 upwards (fewer for small subnets), below the service's address.
    this.#first = config.network + Math.min(10, Math.floor(hosts / 4));
    this.#size = this.address - this.#first;
  }

  /** The frames the service answers `frame` with (none for frames not meant for it). */
  handle(frame: Uint8Array): Uint8Array[] {
    if (frame.length < 14) return [];
    const type = (frame[12]! << 8) | frame[13]!;
    if (type === 0x0806) return this.#arp(frame);
    if (type !== 0x0800 || frame.length < 14 + 20 + 8 + 240 || frame[23] !== 17) return [];
    const ihl = (frame[14]! & 15) * 4;
    const udpAt = 14 + ihl;
    const dstPort = (frame[udpAt + 2]! << 8) | frame[udpAt + 3]!;
    if (dstPort !== 67) return [];
    return this.#dhcp(frame.subarray(udpAt + 8));
  }

  /** An address another tab's machine uses: never handed out here (unless already leased). */
  noteInUse(address: number): void {
    if (this.#inUse.size < 1024) this.#inUse.add(address >>> 0);
  }

  /** Addresses handed out, by client MAC. */
  leases(): Array<{ mac: string; address: string }> {
    return [...this.#leases].map(([mac, address]) => ({ mac, address: ipToString(address) }));
  }

  #arp(frame: Uint8Array): Uint8Array[] {
    const body = frame.subarray(14);
    if (body.length < 28 || body[7] !== 1) return [];
    const target = ((body[24]! << 24) | (body[25]! << 16) | (body[26]! << 8) | body[27]!) >>> 0;
    if (target !== this.address) return [];
    const askerMac = body.subarray(8, 14);
    const reply = arp(2, this.mac, ipBytes(this.address), askerMac, [...body.subarray(14, 18)]);
    return [ethernet(askerMac, this.mac, 0x0806, reply)];
  }

  #dhcp(message: Uint8Array): Uint8Array[] {
    const view = new DataView(message.buffer, message.byteOffset, message.byteLength);
    if (message[0] !== 1 || view.getUint32(236) !== MAGIC) return [];
    const options = readOptions(message.subarray(240));
    const kind = options.get(53)?.[0];
    const mac = macAt(message, 28);
    if (kind === 1) return [this.#reply(message, 2, this.#addressFor(mac))];
    if (kind !== 3) return [];
    const server = options.get(54);
    if (server && toNumber(server) !== this.address) return []; // the client chose another server
    const offered = this.#addressFor(mac);
    const requested = options.get(50);
    const asked = requested ? toNumber(requested) : view.getUint32(12);
    if (asked !== offered) return [this.#reply(message, 6, 0)];
    return [this.#reply(message, 5, offered)];
  }

  #addressFor(mac: string): number {
    const known = this.#leases.get(mac);
    if (known !== undefined) return known;
    const taken = new Set([...this.#leases.values(), ...this.#inUse]);
    const host = this.config.prefer?.(mac);
    const preferred = host == null ? -1 : this.config.network + host - this.#first;
    let index = preferred >= 0 && preferred < this.#size ? preferred : hashMac(mac) % this.#size;
    for (let tries = 0; tries < this.#size && taken.has(this.#first + index); tries++) {
      index = (index + 1) % this.#size;
    }
    const address = (this.#first + index) >>> 0;
    this.#leases.set(mac, address);
    return address;
  }

  #reply(request: Uint8Array, kind: 2 | 5 | 6, address: number): Uint8Array {
    const body = new Uint8Array(240);
    body[0] = 2; // BOOTREPLY
    body[1] = 1;
    body[2] = 6;
    body.set(request.subarray(4, 8), 4); // xid
    body.set(request.subarray(10, 12), 10); // flags
    body.set(ipBytes(address), 16); // yiaddr
    body.set(ipBytes(this.address), 20); // siaddr
    body.set(request.subarray(28, 44), 28); // chaddr
    new DataView(body.buffer).setUint32(236, MAGIC);
    const options: number[] = [53, 1, kind, 54, 4, ...ipBytes(this.address)];
    if (kind !== 6) {
      options.push(51, 4, ...u32(LEASE_SECONDS), 1, 4, ...ipBytes(prefixMask(this.config.prefix)));
      if (this.config.router !== null) options.push(3, 4, ...ipBytes(this.config.router));
    }
    options.push(255);
    const payload = new Uint8Array(body.length + options.length);
    payload.set(body);
    payload.set(options, body.length);
    const packet = ipv4(17, ipBytes(this.address), [255, 255, 255, 255], udp(67, 68, payload));
    return ethernet(request.subarray(28, 34), this.mac, 0x0800, packet);
  }
}

function readOptions(bytes: Uint8Array): Map<number, Uint8Array> {
  const options = new Map<number, Uint8Array>();
  for (let i = 0; i < bytes.length && bytes[i] !== 255;) {
    const code = bytes[i]!;
    if (code === 0) {
      i++;
      continue;
    }
    const length = bytes[i + 1] ?? 0;
    options.set(code, bytes.subarray(i + 2, i + 2 + length));
    i += 2 + length;
  }
  return options;
}

const toNumber = (b: Uint8Array) =>
  (((b[0] ?? 0) << 24) | ((b[1] ?? 0) << 16) | ((b[2] ?? 0) << 8) | (b[3] ?? 0)) >>> 0;
const u32 = (n: number) => [24, 16, 8, 0].map((s) => (n >>> s) & 255);

/** FNV-1a of the address text: a stable, spread-out pick from the pool. */
function hashMac(mac: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < mac.length; i++) hash = Math.imul(hash ^ mac.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
