import { describe, expect, it } from 'vitest';
import { echoAnswers, echoOf } from './echo';
import { arpRequest, frame, icmpEcho } from './testFrames.testing';
import { parseIp, senderAddress } from './addresses';
import { tag } from './vlan';

const A = '02:00:00:00:00:0b';
const B = '02:00:00:00:00:0c';
const request = (seq: number) => frame(B, A, 0x0800, icmpEcho(8, '10.0.1.11', '10.0.1.12', 7, seq));
const reply = (seq: number) => frame(A, B, 0x0800, icmpEcho(0, '10.0.1.12', '10.0.1.11', 7, seq));

describe('echoOf', () => {
  it('reads a request and its reply as the same exchange', () => {
    expect(echoOf(request(1))).toEqual({ reply: false, key: '10.0.1.11>10.0.1.12 7/1' });
    expect(echoOf(reply(1))).toEqual({ reply: true, key: '10.0.1.11>10.0.1.12 7/1' });
  });

  it('ignores what is not an echo, and truncated frames', () => {
    expect(echoOf(frame(B, A, 0x0806, new Uint8Array(28)))).toBeNull();
    expect(echoOf(request(1).subarray(0, 30))).toBeNull();
  });
});

describe('echoAnswers', () => {
  it('counts a reply only from the machine pinged, to a request of the pinger', () => {
    const frames = [
      { from: 'pc2', time: 10, bytes: request(1) },
      { from: 'pc1', time: 11, bytes: reply(1) },
      { from: 'pc1', time: 12, bytes: reply(2) }, // no request 2 was seen
      { from: 'pc3', time: 13, bytes: reply(1) },
    ];
    expect(echoAnswers(frames, 'pc2', 'pc1')).toEqual([11]);
    expect(echoAnswers(frames, 'pc1', 'pc2')).toEqual([]);
  });

  it('reads frames tagged for a VLAN', () => {
    const frames = [
      { from: 'pc2', time: 1, bytes: tag(request(1), 2) },
      { from: 'pc1', time: 2, bytes: tag(reply(1), 2) },
    ];
    expect(echoAnswers(frames, 'pc2', 'pc1')).toEqual([2]);
  });
});

describe('senderAddress', () => {
  it('reads the IPv4 source or the ARP sender, nothing from other frames', () => {
    expect(senderAddress(request(1))).toBe(parseIp('10.0.1.11'));
    expect(senderAddress(arpRequest(A, '10.0.1.12', '10.0.1.11'))).toBe(parseIp('10.0.1.12'));
    expect(senderAddress(frame(B, A, 0x86dd, new Uint8Array(40)))).toBeNull();
    expect(senderAddress(request(1).subarray(0, 20))).toBeNull();
  });
});
