import { describe, expect, it } from 'vitest';
import { decodeFrame } from './decode';
import { udp, ipv4 } from './build';
import { arpRequest, dhcpRequest, frame, icmpEcho, ip, tcpSegment } from './testFrames.testing';

const A = '02:86:00:00:00:01';
const B = '02:86:00:00:00:02';

describe('decodeFrame', () => {
  it('reads an ARP request: who has the target, tell the sender', () => {
    const d = decodeFrame(arpRequest(A, '10.0.1.10', '10.0.1.20'));
    expect(d).toMatchObject({ protocol: 'arp', src: A, dst: 'ff:ff:ff:ff:ff:ff' });
    expect(d.summary).toEqual({
      key: 'net.frame.arpRequest',
      params: { target: '10.0.1.20', sender: '10.0.1.10' },
    });
  });

  it('reads ICMP echo requests and replies with their id and sequence', () => {
    const request = decodeFrame(frame(B, A, 0x0800, icmpEcho(8, '10.0.1.10', '10.0.1.20', 7, 3)));
    expect(request.protocol).toBe('icmp');
    expect(request.srcIp).toBe('10.0.1.10');
    expect(request.dstIp).toBe('10.0.1.20');
    expect(request.summary).toEqual({
      key: 'net.frame.echoRequest',
      params: { id: '7', seq: '3' },
    });
    const reply = decodeFrame(frame(A, B, 0x0800, icmpEcho(0, '10.0.1.20', '10.0.1.10', 7, 3)));
    expect(reply.summary.key).toBe('net.frame.echoReply');
  });

  it('reads TCP ports, flags, sequence numbers and payload length', () => {
    const d = decodeFrame(
      frame(B, A, 0x0800, tcpSegment('10.0.1.10', '10.0.1.20', 40000, 80, 0x12)),
    );
    expect(d.protocol).toBe('tcp');
    expect(d.summary.params).toEqual({
      src: '40000',
      dst: '80',
      flags: 'SYN, ACK',
      seq: '1000',
      ack: '2000',
      len: 5,
    });
    // Each field says its name in the reader's language, through an i18n key.
    expect(d.fields.find((f) => f.name === 'sourcePort')?.value).toBe('40000');
  });

  it('says ARP operations and ICMP types in words to translate', () => {
    const arp = decodeFrame(arpRequest(A, '10.0.1.10', '10.0.1.20'));
    expect(arp.fields.find((f) => f.name === 'operation')?.value).toEqual({
      key: 'net.arp.request',
    });
    const echo = decodeFrame(frame(B, A, 0x0800, icmpEcho(8, '10.0.1.10', '10.0.1.20', 7, 3)));
    expect(echo.fields.find((f) => f.layer === 'ICMP' && f.name === 'type')?.value).toEqual({
      key: 'net.icmp.named',
      params: { type: '8', name: { key: 'net.icmp.echoRequest' } },
    });
  });

  it('reads UDP ports, and a DHCP message inside', () => {
    const plain = decodeFrame(
      frame(
        B,
        A,
        0x0800,
        ipv4(17, ip('10.0.1.10'), ip('10.0.1.20'), udp(5000, 53, new Uint8Array(3))),
      ),
    );
    expect(plain.summary).toEqual({
      key: 'net.frame.udp',
      params: { src: '5000', dst: '53', len: 3 },
    });
    const dhcp = decodeFrame(dhcpRequest(A, 1));
    expect(dhcp.protocol).toBe('dhcp');
    expect(dhcp.summary.params).toMatchObject({ message: 'Discover' });
  });

  it('never throws on truncated or unknown frames', () => {
    expect(decodeFrame(new Uint8Array(5)).summary.key).toBe('net.frame.short');
    const cut = frame(B, A, 0x0800, icmpEcho(8, '10.0.1.10', '10.0.1.20', 1, 1)).subarray(0, 20);
    expect(decodeFrame(cut).protocol).toBe('ipv4');
    expect(decodeFrame(frame(B, A, 0x88cc, new Uint8Array(4))).summary).toEqual({
      key: 'net.frame.other',
      params: { type: '0x88cc' },
    });
  });
});
