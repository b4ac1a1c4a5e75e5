// The core lessons in Firefox (e2e/firefox): puppeteer-core drives Debian's firefox-esr over
// WebDriver BiDi against the built app (dist/). One at a time: each runs a whole emulated PC.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/firefox/*.firefox.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
