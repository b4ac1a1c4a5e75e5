// The emulator worker that index.html's start-up script started before the app's JavaScript ran
// (scripts/vite-plugin-guest-preload.ts): set up, and downloading the pre-booted state. The first
// Machine to power on takes it over (EmulatorClient), with the messages it sent meanwhile.

export interface EarlyEmulator {
  worker: Worker;
  /** What the worker posted before anyone listened (RPC messages), in order. */
  messages: unknown[];
}

declare global {
  interface Window {
    __aula86EarlyEmulator?: EarlyEmulator;
  }
}

/** The early worker, once (later calls, and pages without it, get null). */
export function takeEarlyEmulator(): EarlyEmulator | null {
  if (typeof window === 'undefined') return null;
  const early = window.__aula86EarlyEmulator ?? null;
  delete window.__aula86EarlyEmulator;
  return early;
}
