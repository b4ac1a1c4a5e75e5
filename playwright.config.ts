import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';

const PORT = 4186;

/**
 * Lessons that time something (the emulator's speed, a kernel booting from scratch within the
 * wait, the page answering during a flood) carry this tag: they run alone, after the others, in
 * a browser as users have it (see the projects).
 */
const TIMED = /@timed/;

// End-to-end tests: real Chromium against the built app (npm run test:e2e builds it first),
// booting the real guest. Two workers on this 2-core machine: the untimed lessons, with
// Chromium's optimizing WebAssembly compiler off, leave a third of the CPU idle with one (measured).
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: Number(process.env['E2E_WORKERS'] ?? 2),
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env['CI'],
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    // A trace records every action of every test (DOM snapshots, screenshots): on two cores
    // that cost a fifth of the suite's time, measured. CI keeps each failure's message and page
    // snapshot (error-context.md); run the test locally for its trace.
    trace: process.env['CI'] ? 'off' : 'retain-on-failure',
    // The service worker is tested on its own (offline.spec.ts); elsewhere it would answer
    // requests that tests route to simulate bad files.
    serviceWorkers: 'block',
  },
  projects: [
    // Most lessons check what the lab does, not how fast: Chromium compiles WebAssembly with its
    // baseline compiler only (scripts/chromium.mjs says why), and two run at once.
    {
      name: 'chromium',
      grepInvert: TIMED,
      use: { launchOptions: chromiumLaunchOptions({ baselineWasm: true }) },
    },
    // The timed lessons, one at a time once the others are done, nothing else running.
    {
      name: 'timed',
      grep: TIMED,
      dependencies: ['chromium'],
      workers: 1,
      use: { launchOptions: chromiumLaunchOptions() },
    },
  ],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env['CI'],
    timeout: 30_000,
  },
});
