// Builds the few frames the lab's own services send (DHCP over UDP, ARP replies), and frames for
// tests: Ethernet, IPv4 with its header checksum, UDP (checksum 0: optional over IPv4).
import { internetChecksum } from './checksum';
import { ipBytes, parseIp, parseMac } from './addresses';

export function ethernet(dst: Uint8Array, src: Uint8Array, type: number, payload: Uint8Array) {
  const frame = new Uint8Array(14 + payload.length);
  frame.set(dst, 0);
  frame.set(src, 6);
  frame[12] = type >> 8;
  frame[13] = type & 255;
  frame.set(payload, 14);
  return frame;
}

export function ipv4(
  protocol: number,
  src: number[],
  dst: number[],
  payload: Uint8Array,
  ttl = 64,
): Uint8Array {
  const packet = new Uint8Array(20 + payload.length);
  packet[0] = 0x45;
  packet[2] = packet.length >> 8;
  packet[3] = packet.length & 255;
  packet[8] = ttl;
  packet[9] = protocol;
  packet.set(src, 12);
  packet.set(dst, 16);
  const sum = internetChecksum(packet, 0, 20);
  packet[10] = sum >> 8;
  packet[11] = sum & 255;
  packet.set(payload, 20);
  return packet;
}

export function udp(srcPort: number, dstPort: number, payload: Uint8Array): Uint8Array {
  const datagram = new Uint8Array(8 + payload.length);
  const view = new DataView(datagram.buffer);
  view.setUint16(0, srcPort);
  view.setUint16(2, dstPort);
  view.setUint16(4, datagram.length);
  datagram.set(payload, 8);
  return datagram;
}

/** An ARP request (op 1) or reply (op 2). */
export function arp(
  op: 1 | 2,
  senderMac: Uint8Array,
  senderIp: number[],
  targetMac: Uint8Array,
  targetIp: number[],
): Uint8Array {
  const body = new Uint8Array(28);
  body.set([0, 1, 8, 0, 6, 4, 0, op]);
  body.set(senderMac, 8);
  body.set(senderIp, 14);
  body.set(targetMac, 18);
  body.set(targetIp, 24);
  return body;
}

/**
 * A gratuitous ARP (an ARP request for its own address, broadcast): what a guest that moved to
 * another port says so that the switches learn where its MAC is now and the neighbours refresh
 * their caches. `address`: "10.0.1.11/24" or "10.0.1.11". Null if either is not an address.
 */
export function gratuitousArp(mac: string, address: string): Uint8Array<ArrayBuffer> | null {
  const own = parseMac(mac);
  const ip = parseIp(address.split('/')[0] ?? '');
  if (!own || ip === null) return null;
  const broadcast = new Uint8Array(6).fill(255);
  const at = ipBytes(ip);
  return ethernet(broadcast, own, 0x0806, arp(1, own, at, new Uint8Array(6), at));
}
