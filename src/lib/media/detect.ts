// What a file someone wants to boot is, from its first bytes and its size: an ISO 9660 CD image
// (bootable when it has an El Torito boot record), a hard-disk image (an MBR boot sector), a
// floppy image (a floppy's size), or a Linux kernel (bzImage setup header). Says what was found,
// and why a file will not boot (truncated, no boot record, nothing recognised). Pure: every
// number read from the file is checked before it is used.
import { bzImageHeader, kernelReleaseFromBzImage } from './bzimage.mjs';

/** The devices a guest boots from. */
export type BootDevice = 'cdrom' | 'hda' | 'fda' | 'kernel';

/** A finding, as an i18n key and its parameters. */
export interface Finding {
  key:
    | 'media.fact.iso'
    | 'media.fact.elTorito'
    | 'media.fact.mbr'
    | 'media.fact.floppy'
    | 'media.fact.kernel'
    | 'media.problem.empty'
    | 'media.problem.truncatedIso'
    | 'media.problem.isoNotBootable'
    | 'media.problem.truncatedKernel'
    | 'media.problem.oldKernel'
    | 'media.problem.partialSector'
    | 'media.problem.unknown';
  params: Record<string, string | number>;
}

export interface Detection {
  /** The boot device the file suits best; null when it will not boot. */
  device: BootDevice | null;
  /** Every device it could be booted as (a hybrid ISO: CD-ROM and hard disk). */
  usableAs: BootDevice[];
  facts: Finding[];
  /** Why it will not boot (null: it should). */
  problem: Finding | null;
  /** A kernel's version string. */
  kernelRelease?: string;
}

/** Bytes of the file's start that detection reads. */
export const HEAD_BYTES = 64 * 1024;

const SECTOR = 512;
const ISO_BLOCK = 2048;
const PVD = 16 * ISO_BLOCK;
const BOOT_RECORD = 17 * ISO_BLOCK;
/** Floppy image sizes (KiB): 5¼" and 3½" formats, and DMF. */
const FLOPPY_KIB = [160, 180, 320, 360, 720, 1200, 1440, 1680, 1722, 2880];
/** An ISO claiming more than this is corrupt (a DVD holds 8.5 GB). */
const MAX_ISO = 16 * 2 ** 30;

const ascii = (bytes: Uint8Array, from: number, length: number) =>
  String.fromCharCode(...bytes.subarray(from, from + length));

function isoFindings(head: Uint8Array) {
  if (head.length < PVD + ISO_BLOCK) return null;
  if (head[PVD] !== 1 || ascii(head, PVD + 1, 5) !== 'CD001') return null;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const blocks = view.getUint32(PVD + 80, true);
  const blockSize = view.getUint16(PVD + 128, true);
  const validBlockSize = blockSize === 512 || blockSize === 1024 || blockSize === 2048;
  const expected = validBlockSize ? blocks * blockSize : 0;
  const label = ascii(head, PVD + 40, 32)
    .replace(/[^\x20-\x7e]/g, '')
    .trim();
  const bootRecord =
    head.length >= BOOT_RECORD + 39 &&
    head[BOOT_RECORD] === 0 &&
    ascii(head, BOOT_RECORD + 1, 5) === 'CD001' &&
    ascii(head, BOOT_RECORD + 7, 23) === 'EL TORITO SPECIFICATION';
  return { expected: expected <= MAX_ISO ? expected : 0, label, bootRecord };
}

function mbrFindings(head: Uint8Array) {
  if (head.length < SECTOR || head[510] !== 0x55 || head[511] !== 0xaa) return null;
  let partitions = 0;
  for (let i = 0; i < 4; i++) {
    const entry = 446 + i * 16;
    const status = head[entry]!;
    if (status !== 0 && status !== 0x80) return { partitions: 0, table: false };
    if (head[entry + 4] !== 0) partitions++;
  }
  return { partitions, table: true };
}

export function detectImage(head: Uint8Array, size: number): Detection {
  const facts: Finding[] = [];
  const refuse = (problem: Finding): Detection => ({ device: null, usableAs: [], facts, problem });
  if (size === 0) return refuse({ key: 'media.problem.empty', params: {} });

  const iso = isoFindings(head);
  const mbr = mbrFindings(head);
  if (iso) {
    facts.push({ key: 'media.fact.iso', params: { label: iso.label || '—', size: iso.expected } });
    if (iso.expected > size) {
      return refuse({
        key: 'media.problem.truncatedIso',
        params: { expected: iso.expected, actual: size },
      });
    }
    if (iso.bootRecord) facts.push({ key: 'media.fact.elTorito', params: {} });
    if (mbr) facts.push({ key: 'media.fact.mbr', params: { partitions: mbr.partitions } });
    const usableAs: BootDevice[] = [
      ...(iso.bootRecord ? (['cdrom'] as const) : []),
      ...(mbr ? (['hda'] as const) : []),
    ];
    if (usableAs.length === 0) return refuse({ key: 'media.problem.isoNotBootable', params: {} });
    return { device: usableAs[0]!, usableAs, facts, problem: null };
  }

  const kernel = bzImageHeader(head);
  if (kernel) {
    let release: string;
    try {
      release = kernelReleaseFromBzImage(head);
    } catch {
      release = '?';
    }
    facts.push({ key: 'media.fact.kernel', params: { release, protocol: kernel.protocol } });
    if (kernel.minimumSize > size) {
      return refuse({
        key: 'media.problem.truncatedKernel',
        params: { expected: kernel.minimumSize, actual: size },
      });
    }
    // Boot protocol 2.02 (Linux 2.4) is the oldest a bzImage loaded high can be booted with.
    if (kernel.protocolNumber < 0x0202 || !kernel.loadedHigh) {
      return refuse({ key: 'media.problem.oldKernel', params: { protocol: kernel.protocol } });
    }
    return { device: 'kernel', usableAs: ['kernel'], facts, problem: null, kernelRelease: release };
  }

  const floppy = size % 1024 === 0 && FLOPPY_KIB.includes(size / 1024);
  if (floppy) {
    facts.push({ key: 'media.fact.floppy', params: { kib: size / 1024 } });
    if (mbr) facts.push({ key: 'media.fact.mbr', params: { partitions: mbr.partitions } });
    return {
      device: 'fda',
      usableAs: ['fda', ...(mbr ? (['hda'] as const) : [])],
      facts,
      problem: null,
    };
  }
  if (mbr) {
    facts.push({ key: 'media.fact.mbr', params: { partitions: mbr.partitions } });
    if (size % SECTOR !== 0) {
      return refuse({ key: 'media.problem.partialSector', params: { size } });
    }
    return { device: 'hda', usableAs: ['hda'], facts, problem: null };
  }
  return refuse({ key: 'media.problem.unknown', params: {} });
}
