import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { readFileSync } from 'node:fs';

const v86Version = (
  JSON.parse(readFileSync(new URL('./node_modules/v86/package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

// Relative base: dist/ works from any folder of any static web server.
export default defineConfig({
  base: './',
  plugins: [svelte()],
  define: { __V86_VERSION__: JSON.stringify(v86Version) },
  build: {
    target: 'es2022',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Third-party code in chunks of its own, so the size of our own JS stays visible.
        manualChunks(id: string) {
          if (id.includes('/node_modules/v86/')) return 'v86';
          if (id.includes('/node_modules/@xterm/')) return 'xterm';
          if (id.includes('/node_modules/')) return 'vendor';
          return undefined;
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
  },
});
