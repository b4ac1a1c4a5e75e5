import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bootStateMismatches, downloadSize, ManifestError, parseManifest } from './manifest';

const shipped = JSON.parse(
  readFileSync(new URL('../../../public/images/manifest.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;
interface RawManifest {
  format: number;
  default_profile: string;
  profiles: Array<{ memory_mb: number; files: Record<string, string> }>;
  files: Record<string, { sha256: string }>;
}
const clone = () => structuredClone(shipped) as unknown as RawManifest;

describe('parseManifest', () => {
  it('reads the manifest the image build wrote', () => {
    const manifest = parseManifest(shipped);
    const tiny = manifest.profiles.find((p) => p.id === manifest.defaultProfile)!;
    expect(tiny.arch).toBe('i686');
    expect(tiny.cmdline).toContain('console=ttyS0');
    expect(tiny.kernel.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Its initramfs is inside the kernel: a right-sized guest has no RAM at 64 MiB for v86's initrd.
    expect(tiny.initrd).toBeNull();
    expect(tiny.memoryBytes).toBe(32 * 1024 * 1024);
  });

  it('keeps the default guest download within the 6 MB budget with room for the app', () => {
    const manifest = parseManifest(shipped);
    const tiny = manifest.profiles.find((p) => p.id === manifest.defaultProfile)!;
    expect(downloadSize(tiny)).toBeLessThan(4_000_000);
  });

  it('rejects an unknown format version', () => {
    const m = clone();
    m.format = 2;
    expect(() => parseManifest(m)).toThrow(/format 2/);
  });

  it('rejects a profile naming a file the manifest does not list', () => {
    const m = clone();
    m.profiles[0]!.files['kernel'] = 'vmlinuz-missing';
    expect(() => parseManifest(m)).toThrow(ManifestError);
  });

  it('rejects a malformed SHA-256, naming the field', () => {
    const m = clone();
    m.files['bzImage']!.sha256 = 'abc';
    expect(() => parseManifest(m)).toThrow('files.bzImage.sha256: must be a SHA-256 in hex');
  });

  it('names the field of every other mistake too, and a file no entry lists', () => {
    const wrongType = clone();
    (wrongType.profiles[0] as unknown as Record<string, unknown>)['memory_mb'] = '128';
    expect(() => parseManifest(wrongType)).toThrow('profiles[0].memory_mb: must be a number');
    const huge = clone();
    huge.profiles[0]!.memory_mb = 1e6;
    expect(() => parseManifest(huge)).toThrow('profiles[0].memory_mb: must be at most 2048');
    const unlisted = clone();
    unlisted.profiles[0]!.files['kernel'] = 'vmlinuz';
    expect(() => parseManifest(unlisted)).toThrow(
      'files["vmlinuz"] (named by profiles[0].files.kernel): not listed',
    );
  });

  it('rejects memory that does not reach past an initrd at 64 MiB, and needs none', () => {
    const m = clone();
    m.files['initramfs.cpio'] = { ...m.files['bzImage']!, sha256: 'a'.repeat(64) };
    m.profiles[0]!.files['initrd'] = 'initramfs.cpio';
    m.profiles[0]!.memory_mb = 64;
    expect(() => parseManifest(m)).toThrow(/initrd/);
    m.profiles[0]!.memory_mb = 80;
    expect(parseManifest(m).profiles[0]!.initrd?.name).toBe('initramfs.cpio');
    expect(parseManifest(clone()).profiles[0]!.initrd).toBeNull();
  });

  it('rejects a default profile that is not listed', () => {
    const m = clone();
    m.default_profile = 'nope';
    expect(() => parseManifest(m)).toThrow(/default_profile/);
  });

  it('rejects what is not an object', () => {
    expect(() => parseManifest(null)).toThrow(ManifestError);
    expect(() => parseManifest([])).toThrow(ManifestError);
  });
});

describe('the pre-booted state', () => {
  const v86Version = (
    JSON.parse(
      readFileSync(new URL('../../../node_modules/v86/package.json', import.meta.url), 'utf8'),
    ) as { version: string }
  ).version;
  const tiny = () => {
    const manifest = parseManifest(shipped);
    return manifest.profiles.find((p) => p.id === manifest.defaultProfile)!;
  };

  it('is tied to the pinned v86 and to the images the manifest lists (rebuild it if not)', () => {
    expect(tiny().bootState).not.toBeNull();
    expect(bootStateMismatches(tiny(), v86Version)).toEqual([]);
  });

  it('names each way it can drift apart', () => {
    const profile = tiny();
    expect(bootStateMismatches(profile, '0.0.1')).toEqual(['v86Version']);
    const state = profile.bootState!;
    const other = {
      ...profile,
      memoryBytes: 64 * 1024 * 1024,
      bootState: { ...state, imageSha256: { ...state.imageSha256, kernel: '0'.repeat(64) } },
    };
    expect(bootStateMismatches(other, v86Version)).toEqual(['memory', 'images']);
    expect(bootStateMismatches({ ...profile, bootState: null }, v86Version)).toEqual(['none']);
  });
});
