// Reads an Ethernet frame as the packet view shows it: addresses, the protocol, a one-line
// summary (an i18n key and its parameters) and the fields of each layer. Never throws: a
// truncated or unknown frame is shown as far as it can be read.
import type { MessageKey } from '../i18n/messages';
import type { Params } from '../i18n/translate';
import { ipAt, macAt } from './addresses';

export type Protocol = 'arp' | 'icmp' | 'tcp' | 'udp' | 'dhcp' | 'ipv4' | 'ipv6' | 'other';

/** A field's name: its words are the i18n key net.field.<name>. */
export type FieldName =
  | 'destination'
  | 'source'
  | 'type'
  | 'operation'
  | 'senderMac'
  | 'senderIp'
  | 'targetMac'
  | 'targetIp'
  | 'ttl'
  | 'protocol'
  | 'totalLength'
  | 'identification'
  | 'code'
  | 'identifier'
  | 'sequence'
  | 'sourcePort'
  | 'destinationPort'
  | 'flags'
  | 'acknowledgment'
  | 'window'
  | 'payload'
  | 'length'
  | 'message'
  | 'yourAddress'
  | 'clientMac';

export interface FrameField {
  layer: 'Ethernet' | 'ARP' | 'IPv4' | 'ICMP' | 'TCP' | 'UDP' | 'DHCP';
  name: FieldName;
  /** As the frame has it (an address, a number), or words to say in the reader's language. */
  value: string | { key: MessageKey; params?: Params };
}

export interface DecodedFrame {
  dst: string;
  src: string;
  protocol: Protocol;
  srcIp: string | null;
  dstIp: string | null;
  summary: { key: MessageKey; params: Params };
  fields: FrameField[];
}

const TCP_FLAGS = ['FIN', 'SYN', 'RST', 'PSH', 'ACK', 'URG'] as const;
const DHCP_TYPES = [
  '',
  'Discover',
  'Offer',
  'Request',
  'Decline',
  'ACK',
  'NAK',
  'Release',
  'Inform',
];
const ICMP_TYPES: Record<number, MessageKey> = {
  0: 'net.icmp.echoReply',
  3: 'net.icmp.unreachable',
  5: 'net.icmp.redirect',
  8: 'net.icmp.echoRequest',
  11: 'net.icmp.timeExceeded',
};

const u16 = (b: Uint8Array, i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u32 = (b: Uint8Array, i: number) => u16(b, i) * 65536 + u16(b, i + 2);
const hex = (n: number, digits: number) => '0x' + n.toString(16).padStart(digits, '0');

export function decodeFrame(frame: Uint8Array): DecodedFrame {
  const fields: FrameField[] = [];
  const out: DecodedFrame = {
    dst: frame.length >= 6 ? macAt(frame, 0) : '?',
    src: frame.length >= 12 ? macAt(frame, 6) : '?',
    protocol: 'other',
    srcIp: null,
    dstIp: null,
    summary: { key: 'net.frame.short', params: { length: frame.length } },
    fields,
  };
  if (frame.length < 14) return out;
  const type = u16(frame, 12);
  fields.push(
    { layer: 'Ethernet', name: 'destination', value: out.dst },
    { layer: 'Ethernet', name: 'source', value: out.src },
    { layer: 'Ethernet', name: 'type', value: hex(type, 4) },
  );
  out.summary = { key: 'net.frame.other', params: { type: hex(type, 4) } };
  if (type === 0x0806) decodeArp(frame, 14, out);
  else if (type === 0x0800) decodeIpv4(frame, 14, out);
  else if (type === 0x86dd) {
    out.protocol = 'ipv6';
    out.summary = { key: 'net.frame.ipv6', params: {} };
  }
  return out;
}

function decodeArp(b: Uint8Array, at: number, out: DecodedFrame): void {
  out.protocol = 'arp';
  if (b.length < at + 28) return;
  const op = u16(b, at + 6);
  const senderMac = macAt(b, at + 8);
  const sender = ipAt(b, at + 14);
  const target = ipAt(b, at + 24);
  out.srcIp = sender;
  out.dstIp = target;
  out.fields.push(
    {
      layer: 'ARP',
      name: 'operation',
      value: op === 1 ? { key: 'net.arp.request' } : op === 2 ? { key: 'net.arp.reply' } : `${op}`,
    },
    { layer: 'ARP', name: 'senderMac', value: senderMac },
    { layer: 'ARP', name: 'senderIp', value: sender },
    { layer: 'ARP', name: 'targetMac', value: macAt(b, at + 18) },
    { layer: 'ARP', name: 'targetIp', value: target },
  );
  out.summary =
    op === 2
      ? { key: 'net.frame.arpReply', params: { sender, mac: senderMac } }
      : { key: 'net.frame.arpRequest', params: { target, sender } };
}

function decodeIpv4(b: Uint8Array, at: number, out: DecodedFrame): void {
  out.protocol = 'ipv4';
  if (b.length < at + 20) return;
  const headerLength = (b[at]! & 15) * 4;
  const total = u16(b, at + 2);
  const proto = b[at + 9]!;
  out.srcIp = ipAt(b, at + 12);
  out.dstIp = ipAt(b, at + 16);
  out.fields.push(
    { layer: 'IPv4', name: 'source', value: out.srcIp },
    { layer: 'IPv4', name: 'destination', value: out.dstIp },
    { layer: 'IPv4', name: 'ttl', value: `${b[at + 8]}` },
    { layer: 'IPv4', name: 'protocol', value: `${proto}` },
    { layer: 'IPv4', name: 'totalLength', value: `${total}` },
    { layer: 'IPv4', name: 'identification', value: hex(u16(b, at + 4), 4) },
  );
  out.summary = { key: 'net.frame.ipv4', params: { proto } };
  const payload = at + Math.max(20, headerLength);
  const end = Math.min(b.length, at + Math.max(total, headerLength));
  const fragment = u16(b, at + 6) & 0x1fff;
  if (fragment !== 0) return; // only the first fragment carries the transport header
  if (proto === 1) decodeIcmp(b, payload, out);
  else if (proto === 6) decodeTcp(b, payload, end, out);
  else if (proto === 17) decodeUdp(b, payload, out);
}

function decodeIcmp(b: Uint8Array, at: number, out: DecodedFrame): void {
  out.protocol = 'icmp';
  if (b.length < at + 8) return;
  const type = b[at]!;
  const code = b[at + 1]!;
  const id = u16(b, at + 4);
  const seq = u16(b, at + 6);
  out.fields.push(
    {
      layer: 'ICMP',
      name: 'type',
      value: ICMP_TYPES[type]
        ? { key: 'net.icmp.named', params: { type: `${type}`, name: { key: ICMP_TYPES[type] } } }
        : `${type}`,
    },
    { layer: 'ICMP', name: 'code', value: `${code}` },
  );
  if (type === 0 || type === 8) {
    out.fields.push(
      { layer: 'ICMP', name: 'identifier', value: `${id}` },
      { layer: 'ICMP', name: 'sequence', value: `${seq}` },
    );
    out.summary = {
      key: type === 8 ? 'net.frame.echoRequest' : 'net.frame.echoReply',
      params: { id: `${id}`, seq: `${seq}` }, // labels, not quantities: written as they are
    };
  } else out.summary = { key: 'net.frame.icmp', params: { type, code } };
}

function decodeTcp(b: Uint8Array, at: number, end: number, out: DecodedFrame): void {
  out.protocol = 'tcp';
  if (b.length < at + 20) return;
  const src = u16(b, at);
  const dst = u16(b, at + 2);
  const seq = u32(b, at + 4);
  const ack = u32(b, at + 8);
  const offset = (b[at + 12]! >> 4) * 4;
  const bits = b[at + 13]!;
  const flags = TCP_FLAGS.filter((_, i) => bits & (1 << i)).join(', ');
  const len = Math.max(0, end - at - offset);
  out.fields.push(
    { layer: 'TCP', name: 'sourcePort', value: `${src}` },
    { layer: 'TCP', name: 'destinationPort', value: `${dst}` },
    { layer: 'TCP', name: 'flags', value: flags },
    { layer: 'TCP', name: 'sequence', value: `${seq}` },
    { layer: 'TCP', name: 'acknowledgment', value: `${ack}` },
    { layer: 'TCP', name: 'window', value: `${u16(b, at + 14)}` },
    { layer: 'TCP', name: 'payload', value: `${len}` },
  );
  out.summary = {
    key: 'net.frame.tcp',
    params: { src: `${src}`, dst: `${dst}`, flags, seq: `${seq}`, ack: `${ack}`, len },
  };
}

function decodeUdp(b: Uint8Array, at: number, out: DecodedFrame): void {
  out.protocol = 'udp';
  if (b.length < at + 8) return;
  const src = u16(b, at);
  const dst = u16(b, at + 2);
  const len = Math.max(0, u16(b, at + 4) - 8);
  out.fields.push(
    { layer: 'UDP', name: 'sourcePort', value: `${src}` },
    { layer: 'UDP', name: 'destinationPort', value: `${dst}` },
    { layer: 'UDP', name: 'length', value: `${len}` },
  );
  out.summary = { key: 'net.frame.udp', params: { src: `${src}`, dst: `${dst}`, len } };
  if ((src === 67 || src === 68) && (dst === 67 || dst === 68)) decodeDhcp(b, at + 8, out);
}

function decodeDhcp(b: Uint8Array, at: number, out: DecodedFrame): void {
  const options = at + 240;
  if (b.length < options || u32(b, at + 236) !== 0x63825363) return;
  let type = 0;
  for (let i = options; i + 1 < b.length && b[i] !== 255;) {
    const code = b[i]!;
    if (code === 0) {
      i++;
      continue;
    }
    if (code === 53) type = b[i + 2] ?? 0;
    i += 2 + (b[i + 1] ?? 0);
  }
  const message = DHCP_TYPES[type] ?? `${type}`;
  out.protocol = 'dhcp';
  out.fields.push(
    { layer: 'DHCP', name: 'message', value: message },
    { layer: 'DHCP', name: 'yourAddress', value: ipAt(b, at + 16) },
    { layer: 'DHCP', name: 'clientMac', value: macAt(b, at + 28) },
  );
  out.summary = { key: 'net.frame.dhcp', params: { message, address: ipAt(b, at + 16) } };
}
