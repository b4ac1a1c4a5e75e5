import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';

const PORT = 4186;

// End-to-end tests: real Chromium against the built app (npm run test:e2e builds it first),
// booting the real guest. One worker: each test runs a whole emulated PC on a 2-core machine.
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env['CI'],
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    viewport: { width: 1280, height: 800 },
    // A trace records every action of every test (DOM snapshots, screenshots): on two cores
    // that cost a fifth of the suite's time, measured. CI keeps each failure's message and page
    // snapshot (error-context.md); run the test locally for its trace.
    trace: process.env['CI'] ? 'off' : 'retain-on-failure',
    // The service worker is tested on its own (offline.spec.ts); elsewhere it would answer
    // requests that tests route to simulate bad files.
    serviceWorkers: 'block',
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env['CI'],
    timeout: 30_000,
  },
});
