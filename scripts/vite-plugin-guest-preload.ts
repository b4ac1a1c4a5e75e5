// Preloads the default guest's manifest and images from index.html, so they download while the
// app's JavaScript is still being parsed.
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { preloadTag } from './vite-plugin-v86.ts';

interface RawManifest {
  default_profile: string;
  profiles: Array<{ id: string; files: Record<string, string>; boot_state?: { file: string } }>;
}

export function guestPreload(manifestPath: string): Plugin {
  return {
    name: 'aula86:guest-preload',
    apply: 'build',
    transformIndexHtml() {
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as RawManifest;
      const profile = manifest.profiles.find((p) => p.id === manifest.default_profile);
      // What the start needs: the pre-booted state if there is one, else the images to boot.
      // (A cold boot, ?boot=cold, fetches its images then; the benchmark program when it runs.)
      const boot = profile?.boot_state
        ? [profile.boot_state.file]
        : ['bios', 'kernel', 'initrd'].map((role) => profile?.files[role]);
      const files = ['manifest.json', ...boot.filter((name) => name !== undefined)];
      return files.map((name) => preloadTag(`images/${name}`));
    },
  };
}
