import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectImage, HEAD_BYTES } from './detect';

const KiB = 1024;

/** The start of an ISO 9660 image of `blocks` 2 KiB blocks, with or without El Torito. */
function isoHead(blocks: number, elTorito: boolean, label = 'AULA86'): Uint8Array {
  const head = new Uint8Array(HEAD_BYTES);
  const pvd = 16 * 2048;
  head[pvd] = 1;
  head.set(new TextEncoder().encode('CD001'), pvd + 1);
  head.set(new TextEncoder().encode(label.padEnd(32)), pvd + 40);
  const view = new DataView(head.buffer);
  view.setUint32(pvd + 80, blocks, true);
  view.setUint16(pvd + 128, 2048, true);
  if (elTorito) {
    const br = 17 * 2048;
    head[br] = 0;
    head.set(new TextEncoder().encode('CD001'), br + 1);
    head.set(new TextEncoder().encode('EL TORITO SPECIFICATION'), br + 7);
  }
  return head;
}

function withMbr(head: Uint8Array, partitions = 1): Uint8Array {
  head[510] = 0x55;
  head[511] = 0xaa;
  for (let i = 0; i < partitions; i++) {
    head[446 + i * 16] = i === 0 ? 0x80 : 0;
    head[446 + i * 16 + 4] = 0x83;
  }
  return head;
}

describe('detecting a boot image', () => {
  it('takes an ISO with an El Torito boot record as a CD-ROM', () => {
    const d = detectImage(isoHead(2500, true), 2500 * 2048);
    expect(d.device).toBe('cdrom');
    expect(d.problem).toBeNull();
    expect(d.facts.map((f) => f.key)).toEqual(['media.fact.iso', 'media.fact.elTorito']);
    expect(d.facts[0]!.params).toEqual({ label: 'AULA86', size: 2500 * 2048 });
  });

  it('offers a hybrid ISO (with an MBR) as a CD-ROM first, and as a hard disk', () => {
    const d = detectImage(withMbr(isoHead(100, true)), 100 * 2048);
    expect(d.device).toBe('cdrom');
    expect(d.usableAs).toEqual(['cdrom', 'hda']);
  });

  it('refuses a truncated ISO, saying how big it should be', () => {
    const d = detectImage(isoHead(25_000, true), 10 * 2 ** 20);
    expect(d.device).toBeNull();
    expect(d.problem).toEqual({
      key: 'media.problem.truncatedIso',
      params: { expected: 25_000 * 2048, actual: 10 * 2 ** 20 },
    });
  });

  it('refuses an ISO with no boot record: a data disc', () => {
    const d = detectImage(isoHead(100, false), 100 * 2048);
    expect(d.problem?.key).toBe('media.problem.isoNotBootable');
  });

  it('does not trust an absurd volume size', () => {
    const head = isoHead(0xffffffff, true);
    const d = detectImage(head, 4096 * 2048);
    expect(d.device).toBe('cdrom');
    expect(d.facts[0]!.params['size']).toBe(0);
  });

  it('takes a disk with an MBR boot signature as a hard disk', () => {
    const d = detectImage(withMbr(new Uint8Array(HEAD_BYTES), 2), 64 * 2 ** 20);
    expect(d.device).toBe('hda');
    expect(d.facts).toEqual([{ key: 'media.fact.mbr', params: { partitions: 2 } }]);
  });

  it('refuses a hard-disk image that ends in the middle of a sector', () => {
    const d = detectImage(withMbr(new Uint8Array(HEAD_BYTES)), 64 * 2 ** 20 + 100);
    expect(d.problem?.key).toBe('media.problem.partialSector');
  });

  it('takes a 1.44 MB image as a floppy, and a 720 KB one', () => {
    expect(detectImage(withMbr(new Uint8Array(HEAD_BYTES), 0), 1440 * KiB).device).toBe('fda');
    expect(detectImage(new Uint8Array(HEAD_BYTES), 720 * KiB).device).toBe('fda');
  });

  it('takes our own bzImage as a kernel and reads its version', () => {
    const kernel = readFileSync(new URL('../../../public/images/bzImage', import.meta.url));
    const d = detectImage(kernel.subarray(0, HEAD_BYTES), kernel.length);
    expect(d.device).toBe('kernel');
    expect(d.kernelRelease).toMatch(/^6\.1\.\d+ /);
    expect(d.facts[0]!.key).toBe('media.fact.kernel');
  });

  it('refuses a kernel cut short', () => {
    const kernel = readFileSync(new URL('../../../public/images/bzImage', import.meta.url));
    const d = detectImage(kernel.subarray(0, HEAD_BYTES), 600 * KiB);
    expect(d.problem?.key).toBe('media.problem.truncatedKernel');
  });

  it('refuses junk and an empty file, saying nothing bootable was found', () => {
    const junk = new Uint8Array(HEAD_BYTES).map((_, i) => (i * 7919) & 0xff);
    expect(detectImage(junk, 5_000_000).problem?.key).toBe('media.problem.unknown');
    expect(detectImage(new TextEncoder().encode('hello'), 5).problem?.key).toBe(
      'media.problem.unknown',
    );
    expect(detectImage(new Uint8Array(0), 0).problem?.key).toBe('media.problem.empty');
  });
});
