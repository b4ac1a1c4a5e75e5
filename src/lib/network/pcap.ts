// Writes captured frames as a libpcap file (the classic format Wireshark and tcpdump read):
// a 24-byte header, then per frame a 16-byte record header and the bytes. Little-endian,
// microsecond timestamps, link type 1 (Ethernet).

export interface CapturedFrame {
  /** ms since the epoch. */
  time: number;
  bytes: Uint8Array;
}

const SNAPLEN = 65_535;

export function writePcap(frames: readonly CapturedFrame[]): Uint8Array<ArrayBuffer> {
  let size = 24;
  for (const f of frames) size += 16 + Math.min(f.bytes.length, SNAPLEN);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0xa1b2c3d4, true);
  view.setUint16(4, 2, true);
  view.setUint16(6, 4, true);
  view.setInt32(8, 0, true); // time zone: UTC
  view.setUint32(12, 0, true); // accuracy
  view.setUint32(16, SNAPLEN, true);
  view.setUint32(20, 1, true); // LINKTYPE_ETHERNET
  let at = 24;
  for (const f of frames) {
    const micros = Math.round(f.time * 1000);
    const kept = Math.min(f.bytes.length, SNAPLEN);
    view.setUint32(at, Math.floor(micros / 1e6), true);
    view.setUint32(at + 4, micros % 1e6, true);
    view.setUint32(at + 8, kept, true);
    view.setUint32(at + 12, f.bytes.length, true);
    out.set(f.bytes.subarray(0, kept), at + 16);
    at += 16 + kept;
  }
  return out;
}
