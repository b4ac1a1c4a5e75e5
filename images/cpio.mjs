// Reads one file out of a "newc" cpio archive (the initramfs), so tools can check or run the
// exact binary the guest has without unpacking the archive.
const HEADER = 110;
const align4 = (n) => (n + 3) & ~3;

/** Returns the bytes of `path` (e.g. "bin/aula-bench") in the archive, or null. */
export function readCpioFile(archive, path) {
  const text = (at, length) => Buffer.from(archive.subarray(at, at + length)).toString('latin1');
  let at = 0;
  while (at + HEADER <= archive.length) {
    if (text(at, 6) !== '070701') throw new Error(`not a newc cpio archive at byte ${at}`);
    const field = (i) => parseInt(text(at + 6 + i * 8, 8), 16);
    const size = field(6);
    const nameSize = field(11);
    const name = text(at + HEADER, nameSize - 1);
    const dataAt = align4(at + HEADER + nameSize);
    if (name === 'TRAILER!!!') return null;
    if (name === path || name === `./${path}`) return archive.subarray(dataAt, dataAt + size);
    at = align4(dataAt + size);
  }
  return null;
}
