import { describe, expect, it } from 'vitest';
import {
  inSubnet,
  ipToString,
  isGroupMac,
  macAt,
  parseIp,
  parseMac,
  parseSubnet,
  randomMac,
} from './addresses';

describe('addresses', () => {
  it('reads and writes MAC addresses', () => {
    expect(macAt(Uint8Array.of(2, 0x86, 0, 0xab, 0xcd, 0xef))).toBe('02:86:00:ab:cd:ef');
    expect([...parseMac('02:86:00:AB:cd:ef')!]).toEqual([2, 0x86, 0, 0xab, 0xcd, 0xef]);
    expect(parseMac('02:86:00:ab:cd')).toBeNull();
  });

  it('makes locally administered unicast MACs that start 02:86', () => {
    const mac = randomMac((b) => b.set([1, 2, 3, 4]));
    expect(mac).toBe('02:86:01:02:03:04');
    expect(isGroupMac(parseMac(mac)!)).toBe(false);
    expect(isGroupMac(parseMac('ff:ff:ff:ff:ff:ff')!)).toBe(true);
  });

  it('reads IPv4 addresses and subnets, refusing what is not one', () => {
    expect(ipToString(parseIp('10.0.1.254')!)).toBe('10.0.1.254');
    expect(parseIp('10.0.1.256')).toBeNull();
    expect(parseIp('10.0.1')).toBeNull();
    expect(parseSubnet('10.0.3.7/24')).toEqual({ network: parseIp('10.0.3.0'), prefix: 24 });
    expect(parseSubnet('10.0.3.0/31')).toBeNull();
    expect(parseSubnet('10.0.3.0')).toBeNull();
  });

  it('tells whether an address lies in a subnet', () => {
    expect(inSubnet('10.0.2.12/24', '10.0.2.0/24')).toBe(true);
    expect(inSubnet('10.0.1.12/24', '10.0.2.0/24')).toBe(false);
    expect(inSubnet('10.0.3.200', '10.0.2.0/23')).toBe(true);
    expect(inSubnet('10.0.4.1', '10.0.2.0/23')).toBe(false);
    expect(inSubnet('junk', '10.0.2.0/24')).toBe(false);
  });
});
