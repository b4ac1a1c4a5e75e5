import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writePcap } from './pcap';
import { arpRequest, frame, icmpEcho } from './testFrames.testing';

const A = '02:86:00:00:00:0a';
const B = '02:86:00:00:00:0b';
const frames = [
  { time: 1_700_000_000_123.456, bytes: arpRequest(A, '10.0.1.10', '10.0.1.20') },
  {
    time: 1_700_000_000_200,
    bytes: frame(B, A, 0x0800, icmpEcho(8, '10.0.1.10', '10.0.1.20', 9, 1)),
  },
  {
    time: 1_700_000_001_000,
    bytes: frame(A, B, 0x0800, icmpEcho(0, '10.0.1.20', '10.0.1.10', 9, 1)),
  },
];

const hasTcpdump = (() => {
  try {
    execFileSync('tcpdump', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('writePcap', () => {
  it('writes the libpcap header and one record per frame, microsecond timestamps', () => {
    const file = writePcap(frames);
    const view = new DataView(file.buffer);
    expect(view.getUint32(0, true)).toBe(0xa1b2c3d4);
    expect([view.getUint16(4, true), view.getUint16(6, true)]).toEqual([2, 4]);
    expect(view.getUint32(20, true)).toBe(1); // Ethernet
    expect(view.getUint32(24, true)).toBe(1_700_000_000);
    expect(view.getUint32(28, true)).toBe(123_456);
    expect(view.getUint32(32, true)).toBe(frames[0]!.bytes.length);
    expect(file.length).toBe(24 + frames.reduce((sum, f) => sum + 16 + f.bytes.length, 0));
  });

  // Debian's tcpdump (installed by .ci/run) reads the file as Wireshark would.
  it.skipIf(!hasTcpdump)('is read by tcpdump -r: ARP and both ICMP echoes', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'aula86-pcap-')), 'lab.pcap');
    writeFileSync(path, writePcap(frames));
    const out = execFileSync('tcpdump', ['-n', '-r', path], { encoding: 'utf8', stdio: 'pipe' });
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/ARP, Request who-has 10\.0\.1\.20 tell 10\.0\.1\.10/);
    expect(lines[1]).toMatch(/10\.0\.1\.10 > 10\.0\.1\.20: ICMP echo request, id 9, seq 1/);
    expect(lines[2]).toMatch(/10\.0\.1\.20 > 10\.0\.1\.10: ICMP echo reply, id 9, seq 1/);
  });
});
