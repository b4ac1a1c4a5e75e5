// Which Chromium the tests and the benchmark drive, and how it is started, in one place.
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * CHROMIUM_PATH wins; else a system Chromium if there is one (Debian's, here); else undefined,
 * which lets Playwright use its own downloaded Chromium where that exists.
 */
export function chromiumExecutable() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return CANDIDATES.find((path) => existsSync(path));
}

/** Flags that keep a headless Chromium quiet on a machine with no internet. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * For lessons that check what the lab does, not how fast it does it: V8 compiles WebAssembly
 * with its baseline compiler only. Optimizing v86's generated code (v86 compiles hot guest code
 * into small WebAssembly modules, and V8 then optimizes them on its background threads) took
 * more CPU than the emulators themselves in the end-to-end suite (measured: 40 of 120 s of
 * machines.spec.ts); the suite is CPU-bound on two cores. The benchmark never uses this.
 */
export const BASELINE_WASM_ARGS = ['--js-flags=--liftoff-only'];

/** How the tests and the benchmark launch Chromium; `baselineWasm` adds BASELINE_WASM_ARGS. */
export function chromiumLaunchOptions({ baselineWasm = false } = {}) {
  const executablePath = chromiumExecutable();
  const args = baselineWasm ? [...CHROMIUM_ARGS, ...BASELINE_WASM_ARGS] : CHROMIUM_ARGS;
  return { args, ...(executablePath ? { executablePath } : {}) };
}
