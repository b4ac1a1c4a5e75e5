// Reads the kernel version string out of a bzImage's setup header (Linux boot protocol).

/** @param {Uint8Array} bytes */
export function kernelReleaseFromBzImage(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 0x210 || view.getUint32(0x202, true) !== 0x53726448) {
    throw new Error('not a bzImage: no "HdrS" setup header');
  }
  const at = view.getUint16(0x20e, true) + 0x200;
  const end = bytes.indexOf(0, at);
  if (at >= bytes.length || end < 0) throw new Error('bzImage has no kernel version string');
  return new TextDecoder().decode(bytes.subarray(at, end));
}
