// 802.1Q tags: the four bytes after the source MAC that say which VLAN a frame belongs to, on a
// trunk (one cable carrying several of the lab's switches).

const TPID = 0x8100;

/** The VLAN id of a tagged frame, or null for an untagged one. */
export function vlanOf(frame: Uint8Array): number | null {
  if (frame.length < 18 || ((frame[12]! << 8) | frame[13]!) !== TPID) return null;
  return ((frame[14]! & 0x0f) << 8) | frame[15]!;
}

/** The frame without its tag. */
export function untag(frame: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(frame.length - 4);
  out.set(frame.subarray(0, 12));
  out.set(frame.subarray(16), 12);
  return out;
}

/** The frame tagged with VLAN `vlan` (priority 0). */
export function tag(frame: Uint8Array, vlan: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(frame.length + 4);
  out.set(frame.subarray(0, 12));
  out[12] = TPID >> 8;
  out[13] = TPID & 255;
  out[14] = (vlan >> 8) & 0x0f;
  out[15] = vlan & 255;
  out.set(frame.subarray(12), 16);
  return out;
}
