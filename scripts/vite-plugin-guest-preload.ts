// Preloads the default guest's manifest and images from index.html, so they download while the
// app's JavaScript is still being parsed.
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { preloadTag } from './vite-plugin-v86.ts';

interface RawManifest {
  default_profile: string;
  profiles: Array<{ id: string; files: Record<string, string> }>;
}

export function guestPreload(manifestPath: string): Plugin {
  return {
    name: 'aula86:guest-preload',
    apply: 'build',
    transformIndexHtml() {
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as RawManifest;
      const profile = manifest.profiles.find((p) => p.id === manifest.default_profile);
      // What the boot needs; the benchmark's program is fetched when a benchmark runs.
      const boot = ['bios', 'kernel', 'initrd'].map((role) => profile?.files[role]);
      const files = ['manifest.json', ...boot.filter((name) => name !== undefined)];
      return files.map((name) => preloadTag(`images/${name}`));
    },
  };
}
