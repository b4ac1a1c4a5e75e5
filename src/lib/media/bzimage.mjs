// Reads a Linux kernel's setup header (the x86 boot protocol): its version string, and how big
// the file must be. Plain JS: images/write-manifest.mjs runs it in Node too.

const HDRS = 0x53726448; // "HdrS"
/** The version string is short; anything longer is not one. */
const MAX_RELEASE = 256;

/**
 * The setup header of a bzImage, or null when `bytes` (the file's start) has none.
 * @param {Uint8Array} bytes
 */
export function bzImageHeader(bytes) {
  if (bytes.length < 0x230) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0x202, true) !== HDRS) return null;
  const protocol = view.getUint16(0x206, true);
  // 0 setup sectors means 4 (boot protocol); at most 255 fit the byte.
  const setupSectors = bytes[0x1f1] || 4;
  // The protected-mode part, in 16-byte paragraphs (32 bits: bounded by the size check).
  const sysParagraphs = view.getUint32(0x1f4, true);
  const loadedHigh = (bytes[0x211] & 1) === 1;
  return {
    protocol: `${protocol >> 8}.${String(protocol & 0xff).padStart(2, '0')}`,
    protocolNumber: protocol,
    loadedHigh,
    /** Bytes the file needs: the setup sectors, the boot sector and the kernel proper. */
    minimumSize: (setupSectors + 1) * 512 + sysParagraphs * 16,
  };
}

/**
 * The kernel's version string ("6.1.176 (aula86@aula86) #1 …"), bounded.
 * @param {Uint8Array} bytes
 */
export function kernelReleaseFromBzImage(bytes) {
  if (!bzImageHeader(bytes)) throw new Error('not a bzImage: no "HdrS" setup header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = view.getUint16(0x20e, true) + 0x200;
  const end = bytes.subarray(0, Math.min(bytes.length, at + MAX_RELEASE)).indexOf(0, at);
  if (at >= bytes.length || end < 0) throw new Error('bzImage has no kernel version string');
  return new TextDecoder().decode(bytes.subarray(at, end));
}
