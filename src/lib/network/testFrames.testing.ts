// Frames for the network's unit tests, built with the same builders the lab's services use.
import { ipBytes, parseIp, parseMac } from './addresses';
import { arp, ethernet, ipv4, udp } from './build';

export const mac = (text: string) => parseMac(text)!;
export const ip = (text: string) => ipBytes(parseIp(text)!);

export function icmpEcho(type: 0 | 8, from: string, to: string, id: number, seq: number) {
  const body = Uint8Array.of(type, 0, 0, 0, id >> 8, id & 255, seq >> 8, seq & 255, 1, 2, 3, 4);
  return ipv4(1, ip(from), ip(to), body);
}

export function frame(dst: string, src: string, type: number, payload: Uint8Array) {
  return ethernet(mac(dst), mac(src), type, payload);
}

export function arpRequest(fromMac: string, fromIp: string, target: string) {
  return frame(
    'ff:ff:ff:ff:ff:ff',
    fromMac,
    0x0806,
    arp(1, mac(fromMac), ip(fromIp), new Uint8Array(6), ip(target)),
  );
}

/** A DHCP message from a client (53: type; 50: requested address; 54: server). */
export function dhcpRequest(
  clientMac: string,
  kind: 1 | 3,
  options: { requested?: string; server?: string } = {},
) {
  const body = new Uint8Array(240);
  body.set([1, 1, 6, 0, 0x12, 0x34, 0x56, 0x78]);
  body.set(mac(clientMac), 28);
  new DataView(body.buffer).setUint32(236, 0x63825363);
  const opts = [53, 1, kind];
  if (options.requested) opts.push(50, 4, ...ip(options.requested));
  if (options.server) opts.push(54, 4, ...ip(options.server));
  opts.push(255);
  const payload = Uint8Array.from([...body, ...opts]);
  return frame(
    'ff:ff:ff:ff:ff:ff',
    clientMac,
    0x0800,
    ipv4(17, [0, 0, 0, 0], [255, 255, 255, 255], udp(68, 67, payload)),
  );
}

export function tcpSegment(from: string, to: string, src: number, dst: number, flags: number) {
  const seg = new Uint8Array(20 + 5);
  const v = new DataView(seg.buffer);
  v.setUint16(0, src);
  v.setUint16(2, dst);
  v.setUint32(4, 1000);
  v.setUint32(8, 2000);
  seg[12] = 5 << 4;
  seg[13] = flags;
  v.setUint16(14, 64240);
  seg.set([104, 101, 108, 108, 111], 20);
  return ipv4(6, ip(from), ip(to), seg);
}
