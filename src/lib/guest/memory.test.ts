import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseManifest } from './manifest';
import { memoryChoicesMb, withMemory } from './memory';

const MiB = 1024 * 1024;
const manifest = parseManifest(
  JSON.parse(
    readFileSync(new URL('../../../public/images/manifest.json', import.meta.url), 'utf8'),
  ),
);
const tiny = manifest.profiles.find((p) => p.id === manifest.defaultProfile)!;

describe('a machine with more memory', () => {
  it('boots from scratch, and the base size keeps its pre-booted state', () => {
    expect(tiny.bootState).not.toBeNull();
    const bigger = withMemory(tiny, 128 * MiB);
    expect(bigger.memoryBytes).toBe(128 * MiB);
    expect(bigger.bootState).toBeNull();
    expect(bigger.id).toBe(tiny.id);
    expect(tiny.memoryBytes).toBe(32 * MiB); // the base is left as it was
    expect(withMemory(tiny, 32 * MiB)).toBe(tiny);
  });

  it('offers the profile’s own size and larger ones that fit the lab', () => {
    expect(memoryChoicesMb(tiny, 512)).toEqual([32, 64, 128, 256]);
    expect(memoryChoicesMb(tiny, 100)).toEqual([32, 64]);
    // A guest of the user's that asked for 96 MB is never offered less.
    expect(memoryChoicesMb({ ...tiny, memoryBytes: 96 * MiB }, 512)).toEqual([96, 128, 256]);
  });
});
