import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kernelReleaseFromBzImage } from './bzimage.mjs';

describe('kernelReleaseFromBzImage', () => {
  it('reads the version string of the shipped kernel', () => {
    const bytes = readFileSync(new URL('../../../public/images/bzImage', import.meta.url));
    expect(kernelReleaseFromBzImage(bytes)).toMatch(/^6\.1\.\d+ \(aula86@aula86\) #1 /);
  });

  it('refuses a file without the setup header', () => {
    expect(() => kernelReleaseFromBzImage(new Uint8Array(1024))).toThrow(/not a bzImage/);
  });
});
