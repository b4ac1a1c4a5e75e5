// MAC and IPv4 addresses: as bytes in frames, as text on screen.

export const BROADCAST_MAC = 'ff:ff:ff:ff:ff:ff';

/** The MAC address at `offset` of `bytes`, as "02:86:0a:1b:2c:3d". */
export function macAt(bytes: Uint8Array, offset = 0): string {
  const parts: string[] = [];
  for (let i = 0; i < 6; i++) parts.push((bytes[offset + i] ?? 0).toString(16).padStart(2, '0'));
  return parts.join(':');
}

/** The six bytes of a MAC address written "aa:bb:cc:dd:ee:ff" (any case), or null. */
export function parseMac(text: string): Uint8Array | null {
  if (!/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/i.test(text)) return null;
  return Uint8Array.from(text.split(':').map((part) => parseInt(part, 16)));
}

/**
 * A new MAC address for a machine's card: locally administered and unicast (02:…), with "86"
 * after it so the lab's cards are easy to tell apart in a capture; the rest random.
 */
export function randomMac(
  random: (bytes: Uint8Array<ArrayBuffer>) => void = (b) => crypto.getRandomValues(b),
): string {
  const tail = new Uint8Array(4);
  random(tail);
  return macAt(Uint8Array.of(0x02, 0x86, ...tail));
}

/** True for broadcast and multicast destinations (the group bit of the first byte). */
export function isGroupMac(frame: Uint8Array): boolean {
  return ((frame[0] ?? 0) & 1) === 1;
}

export function ipAt(bytes: Uint8Array, offset: number): string {
  return `${bytes[offset]}.${bytes[offset + 1]}.${bytes[offset + 2]}.${bytes[offset + 3]}`;
}

/** An IPv4 address as a number (for arithmetic on subnets), or null if it is not one. */
export function parseIp(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
    value = value * 256 + Number(part);
  }
  return value;
}

export function ipToString(value: number): string {
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join('.');
}

export function ipBytes(value: number): number[] {
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 255);
}

/** A subnet written "10.0.1.0/24" (prefix 8–30), or null. */
export function parseSubnet(text: string): { network: number; prefix: number } | null {
  const [ip, bits] = text.split('/');
  const network = ip === undefined ? null : parseIp(ip);
  if (network === null || bits === undefined || !/^\d{1,2}$/.test(bits)) return null;
  const prefix = Number(bits);
  if (prefix < 8 || prefix > 30) return null;
  const mask = prefixMask(prefix);
  return { network: (network & mask) >>> 0, prefix };
}

/** Whether `address` ("10.0.2.7" or "10.0.2.7/24") lies in `subnet` ("10.0.2.0/24"). */
export function inSubnet(address: string, subnet: string): boolean {
  const ip = parseIp(address.split('/')[0] ?? '');
  const net = parseSubnet(subnet);
  if (ip === null || !net) return false;
  return (ip & prefixMask(net.prefix)) >>> 0 === net.network;
}

export function prefixMask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** The IPv4 address a frame's sender uses (an IPv4 source, or an ARP sender), or null. */
export function senderAddress(frame: Uint8Array): number | null {
  const type = ((frame[12] ?? 0) << 8) | (frame[13] ?? 0);
  const at = type === 0x0800 ? 26 : type === 0x0806 ? 28 : -1;
  if (at < 0 || frame.length < at + 4) return null;
  const address =
    ((frame[at]! << 24) | (frame[at + 1]! << 16) | (frame[at + 2]! << 8) | frame[at + 3]!) >>> 0;
  return address === 0 ? null : address;
}
