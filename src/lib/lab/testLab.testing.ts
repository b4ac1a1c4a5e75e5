// A lab for unit tests: the real manifest (public/images/manifest.json) served by a stubbed
// fetch, and fake emulators behind every machine.
import { readFileSync } from 'node:fs';
import { vi } from 'vitest';
import { fakeEmulators } from '../vm/FakeEmulator.testing';
import { Lab } from './Lab.svelte';
import { parseLabParams, type LabParams } from './params';
import { serveSnapshotCodec } from '../../worker/snapshots/codec';
import { SnapshotLibrary } from '../snapshots/library';
import { MemorySnapshotStorage } from '../snapshots/storage';
import { SnapshotWorker } from '../snapshots/workerClient';

const manifest = readFileSync(
  new URL('../../../public/images/manifest.json', import.meta.url),
  'utf8',
);

/** The hosts' channel of this test thread's labs: BroadcastChannel reaches every thread of the
 * process, and labs of test files running side by side would otherwise see each other. */
export const TEST_HOSTS_CHANNEL = `aula86-hosts-test-${crypto.randomUUID()}`;

/** The cursor question the pre-booted shell asked before it was saved, which the console
 * answers once the guest runs (before anything typed meanwhile). */
export const CURSOR_ANSWER = '\x1b[1;13R';

/** A library on memory storage whose codec runs in this thread, behind a MessagePort. */
export function memoryLibrary(): SnapshotLibrary {
  const channel = new MessageChannel();
  serveSnapshotCodec(channel.port2);
  const worker = new SnapshotWorker(() => channel.port1);
  return new SnapshotLibrary(new MemorySnapshotStorage(), worker);
}

interface TestLabOptions {
  budgetBytes?: number;
  /** More files the stubbed server has, by name (e.g. kiosk.json, seabios.bin). */
  files?: Record<string, string | Uint8Array<ArrayBuffer>>;
}

export function testLab(params: Partial<LabParams> = {}, options: TestLabOptions = {}) {
  const files: Record<string, string | Uint8Array<ArrayBuffer>> = {
    'manifest.json': manifest,
    ...options.files,
  };
  vi.stubGlobal('fetch', (url: string | URL) => {
    const name = Object.keys(files).find((f) => String(url).endsWith(f));
    return Promise.resolve(
      name
        ? new Response(files[name], { headers: { 'content-type': 'application/json' } })
        : new Response('not found', { status: 404 }),
    );
  });
  const emulators = fakeEmulators();
  const lab = new Lab({
    imagesBase: new URL('http://lab.test/images/'),
    wasmUrl: 'http://lab.test/v86.wasm',
    libraryUrl: 'http://lab.test/libv86.mjs',
    v86Version: (JSON.parse(manifest) as { profiles: [{ boot_state: { v86_version: string } }] })
      .profiles[0].boot_state.v86_version,
    params: { ...parseLabParams(''), ...params },
    createEmulator: emulators.create,
    budgetBytes: options.budgetBytes,
    openLibrary: () => Promise.resolve(memoryLibrary()),
    hostsChannel: TEST_HOSTS_CHANNEL,
  });
  return { lab, emulators };
}
