import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { v86Wasm } from './scripts/vite-plugin-v86.ts';
import { guestPreload } from './scripts/vite-plugin-guest-preload.ts';

const v86Version = (
  JSON.parse(readFileSync(new URL('./node_modules/v86/package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

// Relative base: dist/ works from any folder of any static web server.
export default defineConfig({
  base: './',
  plugins: [
    svelte(),
    v86Wasm(),
    guestPreload(fileURLToPath(new URL('./public/images/manifest.json', import.meta.url))),
  ],
  define: { __V86_VERSION__: JSON.stringify(v86Version) },
  build: {
    target: 'es2022',
    assetsInlineLimit: 0,
    // v86 and xterm.js are imported on demand (see Machine.start and SerialTerminal); preloading
    // them would make the browser compile 700 KB of JS before our first line runs.
    modulePreload: {
      resolveDependencies: (_file, deps) => deps.filter((d) => !/\/(v86|xterm)-/.test(d)),
    },
    chunkSizeWarningLimit: 600,
  },
  server: { host: '127.0.0.1' },
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'images/**/*.test.ts'],
    environment: 'node',
  },
});
