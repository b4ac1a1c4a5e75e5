import { describe, expect, it } from 'vitest';
import { DhcpService } from './dhcp';
import { hostNumberOf } from '../tabs/tabNumber';
import { decodeFrame } from './decode';
import { parseIp } from './addresses';
import { arpRequest, dhcpRequest } from './testFrames.testing';

const A = '02:86:00:00:00:0a';
const B = '02:86:00:00:00:0b';
const service = () =>
  new DhcpService({ network: parseIp('10.0.1.0')!, prefix: 24, router: parseIp('10.0.1.1')! });

/** The DHCP options of a reply, by code. */
function options(reply: Uint8Array): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const bytes = reply.subarray(14 + 20 + 8 + 240);
  for (let i = 0; bytes[i] !== 255; i += 2 + bytes[i + 1]!) {
    out.set(bytes[i]!, [...bytes.subarray(i + 2, i + 2 + bytes[i + 1]!)]);
  }
  return out;
}

describe('DhcpService', () => {
  it('offers an address, the mask, the router and a lease to a DISCOVER', () => {
    const [offer] = service().handle(dhcpRequest(A, 1));
    const d = decodeFrame(offer!);
    expect(d.dst).toBe(A);
    expect(d.summary.params).toMatchObject({ message: 'Offer' });
    expect(d.summary.params['address'] as string).toMatch(/^10\.0\.1\.(\d+)$/);
    const o = options(offer!);
    expect(o.get(1)).toEqual([255, 255, 255, 0]);
    expect(o.get(3)).toEqual([10, 0, 1, 1]);
    expect(o.get(54)).toEqual([10, 0, 1, 254]);
    expect(o.get(51)).toEqual([0, 1, 0x51, 0x80]);
  });

  it('acknowledges a REQUEST for the offered address and refuses any other', () => {
    const dhcp = service();
    const offered = decodeFrame(dhcp.handle(dhcpRequest(A, 1))[0]!).summary.params[
      'address'
    ] as string;
    const [ack] = dhcp.handle(dhcpRequest(A, 3, { requested: offered, server: '10.0.1.254' }));
    expect(decodeFrame(ack!).summary.params).toMatchObject({ message: 'ACK', address: offered });
    const [nak] = dhcp.handle(dhcpRequest(A, 3, { requested: '10.0.1.3' }));
    expect(decodeFrame(nak!).summary.params).toMatchObject({ message: 'NAK' });
    expect(dhcp.leases()).toEqual([{ mac: A, address: offered }]);
  });

  it('gives two clients two addresses, never its own or the router', () => {
    const dhcp = service();
    const got = [A, B].map(
      (m) => decodeFrame(dhcp.handle(dhcpRequest(m, 1))[0]!).summary.params['address'] as string,
    );
    expect(new Set(got).size).toBe(2);
    expect(got).not.toContain('10.0.1.1');
    expect(got).not.toContain('10.0.1.254');
  });

  it('ignores a REQUEST meant for another server, and answers ARP for its own address', () => {
    const dhcp = service();
    expect(dhcp.handle(dhcpRequest(A, 3, { server: '10.0.1.99' }))).toEqual([]);
    const [reply] = dhcp.handle(arpRequest(A, '10.0.1.20', '10.0.1.254'));
    expect(decodeFrame(reply!).summary).toMatchObject({ key: 'net.frame.arpReply' });
    expect(dhcp.handle(arpRequest(A, '10.0.1.20', '10.0.1.30'))).toEqual([]);
  });

  it('gives pc1 .11 and pc2 .12 on every load, unless another tab uses the address', () => {
    const names: Record<string, string> = { [A]: 'pc1', [B]: 'pc2' };
    const prefer = (mac: string) => hostNumberOf(names[mac] ?? '', 1);
    const offered = (dhcp: DhcpService, mac: string) =>
      decodeFrame(dhcp.handle(dhcpRequest(mac, 1))[0]!).summary.params['address'];
    const dhcp = new DhcpService({
      network: parseIp('10.0.1.0')!,
      prefix: 24,
      router: null,
      prefer,
    });
    expect(offered(dhcp, B)).toBe('10.0.1.12');
    expect(offered(dhcp, A)).toBe('10.0.1.11');
    const other = new DhcpService({
      network: parseIp('10.0.1.0')!,
      prefix: 24,
      router: null,
      prefer,
    });
    other.noteInUse(parseIp('10.0.1.11')!);
    expect(offered(other, A)).not.toBe('10.0.1.11');
  });
});
