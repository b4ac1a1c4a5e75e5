// Pings seen on a switch: an ICMP echo request sent by one machine and the echo reply another
// sent back (same identifier and sequence number), from the packet log. For the lessons' check
// "pc2 pinged pc1". Pure.
import { vlanOf } from './vlan';

/** A frame as the packet log keeps it: who sent it, when (ms since the epoch), its bytes. */
export interface SeenFrame {
  from: string;
  time: number;
  bytes: Uint8Array;
}

interface Echo {
  reply: boolean;
  /** identifier and sequence number, and the two IPv4 addresses, as one key */
  key: string;
}

/** An ICMP echo request or reply in an Ethernet frame (one 802.1Q tag allowed), or null. */
export function echoOf(frame: Uint8Array): Echo | null {
  const type = (i: number) => ((frame[i] ?? 0) << 8) | (frame[i + 1] ?? 0);
  // Past the 802.1Q tag, if any (read where the lab's trunks are: vlan.ts).
  const at = vlanOf(frame) === null ? 12 : 16;
  if (type(at) !== 0x0800) return null;
  const ip = at + 2;
  if (frame.length < ip + 20 || frame[ip]! >> 4 !== 4 || frame[ip + 9] !== 1) return null;
  const icmp = ip + (frame[ip]! & 15) * 4;
  if (frame.length < icmp + 8) return null;
  const kind = frame[icmp];
  if (kind !== 0 && kind !== 8) return null;
  const address = (i: number) => frame.subarray(i, i + 4).join('.');
  const src = address(ip + 12);
  const dst = address(ip + 16);
  const ends = kind === 8 ? `${src}>${dst}` : `${dst}>${src}`;
  return { reply: kind === 0, key: `${ends} ${type(icmp + 4)}/${type(icmp + 6)}` };
}

/** When `to` answered a ping from `from` (the reply's time), for each answered request. */
export function echoAnswers(frames: readonly SeenFrame[], from: string, to: string): number[] {
  const asked = new Set<string>();
  const answers: number[] = [];
  for (const frame of frames) {
    if (frame.from !== from && frame.from !== to) continue;
    const echo = echoOf(frame.bytes);
    if (!echo) continue;
    if (!echo.reply && frame.from === from) asked.add(echo.key);
    else if (echo.reply && frame.from === to && asked.has(echo.key)) answers.push(frame.time);
  }
  return answers;
}
