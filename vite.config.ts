import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { v86Wasm } from './scripts/vite-plugin-v86.ts';
import { guestPreload } from './scripts/vite-plugin-guest-preload.ts';
import { VitePWA } from 'vite-plugin-pwa';
import { CONTENT_SECURITY_POLICY } from './scripts/csp.ts';

const v86Version = (
  JSON.parse(readFileSync(new URL('./node_modules/v86/package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

const appVersion = (
  JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

// Relative base: dist/ works from any folder of any static web server.
export default defineConfig({
  base: './',
  plugins: [
    svelte(),
    v86Wasm(),
    // In the build only: the dev server needs its websocket and inline helpers.
    {
      name: 'aula86:csp',
      apply: 'build',
      transformIndexHtml: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
    guestPreload(fileURLToPath(new URL('./public/images/manifest.json', import.meta.url))),
    // Offline after one visit: a Workbox service worker precaches every file of the build (the
    // app, v86's wasm, the guest images). A new version waits until the user accepts it.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'aula86 — virtualization lab',
        short_name: 'aula86',
        description:
          'A real x86 Linux, emulated in your browser: snapshots, and what emulation costs.',
        lang: 'es',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#f6f8fa',
        theme_color: '#0d1117',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        globPatterns: ['**/*'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // ?lang=es, ?kiosk, ?autostart=0 … are all the same page
        ignoreURLParametersMatching: [/.*/],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // kiosk.json is placed next to the files by whoever deploys: fresh when online, the
        // last answer offline or when the server is slow; a 404 is kept too, since "no kiosk"
        // is an answer (with none at all, the lab fails closed: src/lib/kiosk/source.ts).
        runtimeCaching: [
          {
            urlPattern: /\/kiosk\.json$/,
            handler: 'NetworkFirst',
            options: {
              cacheName: 'aula86-kiosk',
              networkTimeoutSeconds: 2,
              cacheableResponse: { statuses: [200, 404] },
            },
          },
        ],
      },
    }),
  ],
  define: {
    __V86_VERSION__: JSON.stringify(v86Version),
    __APP_VERSION__: JSON.stringify(appVersion),
  },
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
  // `npm start` and the e2e tests serve the build with the policy as a header too, as a school's
  // server may: a header also covers the workers (a <meta> covers the page only).
  preview: { headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'images/**/*.test.ts'],
    environment: 'node',
    // Threads sharing one module graph: 17 s instead of 46 s for the 92 files on two cores,
    // measured (forks with a fresh graph per file spent most of it importing). Each test file
    // restores what it stubs (vi.stubGlobal, fake timers) in its own hooks.
    pool: 'threads',
    isolate: false,
  },
});
