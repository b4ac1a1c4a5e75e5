#!/usr/bin/env node
// npm run bench: boots the built app and a bare v86 page (same images, no app) alternately in
// fresh Chromium contexts, and reports medians side by side. Writes docs/performance.md and
// bench/results/latest.json. Runs: BENCH_RUNS (default 9, at least 3).
import { chromium } from '@playwright/test';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { startServer } from './server.mjs';
import { median, ratio } from '../src/lib/metrics/stats.mjs';
import { appSnapshots, bareSnapshots } from './snapshots.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 9));
const TIMEOUT = 60_000;

const server = await startServer({
  '/': join(root, 'dist'),
  '/bare/': join(root, 'bench', 'bare'),
  '/bare/v86/': join(root, 'node_modules', 'v86', 'build'),
});
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch(chromiumLaunchOptions());

const PAGES = {
  app: { url: `${base}/?lang=en`, newMark: 'aula86:new-v86', promptMark: 'aula86:prompt' },
  bare: { url: `${base}/bare/`, newMark: 'new-v86', promptMark: 'prompt' },
};

async function bootOnce(kind) {
  const { url, newMark, promptMark } = PAGES[kind];
  const context = await browser.newContext();
  // Every response of the context, workers' included (a page's resource timing misses those).
  let bytes = 0;
  context.on('requestfinished', async (request) => {
    const sizes = await request.sizes().catch(() => null);
    if (sizes) bytes += sizes.responseBodySize + sizes.responseHeadersSize;
  });
  const page = await context.newPage();
  // The moment the prompt is on screen (the app draws it in its terminal; the bare page does
  // not draw it at all, so there this equals the moment its bytes arrive).
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('.xterm-rows')?.textContent?.includes('root@aula86:~#')) {
        performance.mark('prompt-on-screen');
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  try {
    await page.goto(url);
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, promptMark, {
      timeout: TIMEOUT,
      polling: 10,
    });
    if (kind === 'app') {
      await page.waitForFunction(
        () => performance.getEntriesByName('prompt-on-screen').length > 0,
        null,
        { timeout: TIMEOUT, polling: 10 },
      );
    }
    const timing = await page.evaluate(
      ([n, p]) => {
        const at = (name) => performance.getEntriesByName(name)[0].startTime;
        const shown = performance.getEntriesByName('prompt-on-screen')[0]?.startTime ?? at(p);
        return {
          navToPrompt: at(p),
          navToPromptShown: shown,
          newToPrompt: at(p) - at(n),
        };
      },
      [newMark, promptMark],
    );
    const bootBytes = bytes;
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const snapshot = await (kind === 'app' ? appSnapshots(page) : bareSnapshots(page));
    return { ...timing, bytes: bootBytes, heap: usedSize, ...snapshot };
  } catch (error) {
    console.error(`[bench] ${kind} run failed: ${error.message.split('\n')[0]}`);
    return { navToPrompt: NaN, newToPrompt: NaN, bytes: NaN, heap: NaN, saveMs: NaN };
  } finally {
    await context.close();
  }
}

const samples = { app: [], bare: [] };
for (let i = 0; i < RUNS; i++) {
  // Alternate which goes first, so neither always gets the warmer machine.
  for (const kind of i % 2 ? ['bare', 'app'] : ['app', 'bare']) {
    const s = await bootOnce(kind);
    samples[kind].push(s);
    console.error(
      `[bench] run ${i + 1}/${RUNS} ${kind}: prompt ${s.navToPrompt.toFixed(0)} ms after navigation`,
    );
  }
}
await browser.close();
server.close();

const METRICS = [
  ['navToPrompt', 'Navigation → first prompt', 'ms'],
  ['navToPromptShown', 'Navigation → first prompt on screen (bare: not drawn)', 'ms'],
  ['newToPrompt', '`new V86` → first prompt', 'ms'],
  ['bytes', 'Bytes downloaded', 'B'],
  ['heap', "JS heap of the page's main thread after boot", 'B'],
];
const SNAPSHOT_METRICS = [
  ['saveMs', 'Save: click → committed (bare: `save_state`)', 'ms'],
  ['restoreMs', 'Restore: click → shell answers (bare: `restore_state` from memory)', 'ms'],
  ['firstBytes', 'Stored, first snapshot (bare: raw state)', 'B'],
  ['secondAddedBytes', 'Stored, added by a second snapshot one command later (bare: raw)', 'B'],
  ['longestTaskMs', 'Longest main-thread task while saving', 'ms'],
];
// The ratio is the median of each run's app/bare pair: the two boots of a pair ran back to back,
// so a machine that slows down for a while slows both, and the ratio still holds.
const figures = ([key, label, unit]) => {
  const app = median(samples.app.map((s) => s[key]));
  const bare = median(samples.bare.map((s) => s[key]));
  const pairs = samples.app.map((s, i) => ratio(s[key], samples.bare[i]?.[key]));
  return { key, label, unit, app, bare, ratio: Math.round(median(pairs) * 100) / 100 };
};
const rows = METRICS.map(figures);
const snapshotRows = SNAPSHOT_METRICS.map(figures);

// Sizes of what we ship, from the build output.
const assets = join(root, 'dist', 'assets');
const ownJs = readdirSync(assets).filter((f) => /^index-.*\.js$/.test(f));
const ownJsGzip = ownJs.reduce(
  (sum, f) => sum + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length,
  0,
);
const manifest = JSON.parse(readFileSync(join(root, 'dist', 'images', 'manifest.json'), 'utf8'));

const result = {
  date: new Date().toISOString(),
  runs: RUNS,
  chromium: browser.version(),
  v86: JSON.parse(readFileSync(join(root, 'node_modules', 'v86', 'package.json'), 'utf8')).version,
  boot: Object.fromEntries(rows.map((r) => [r.key, { app: r.app, bare: r.bare, ratio: r.ratio }])),
  snapshots: Object.fromEntries(
    snapshotRows.map((r) => [r.key, { app: r.app, bare: r.bare, ratio: r.ratio }]),
  ),
  samples,
  sizes: {
    ownJsGzip,
    images: Object.fromEntries(Object.entries(manifest.files).map(([name, f]) => [name, f.size])),
  },
};

const fmt = (v, unit) =>
  !Number.isFinite(v) ? '–' : unit === 'ms' ? `${Math.round(v)} ms` : `${(v / 1e6).toFixed(2)} MB`;
const tableOf = (list) =>
  [
    '| Figure | aula86 | bare v86 | aula86 / bare (median of pairs) |',
    '| --- | ---: | ---: | ---: |',
    ...list.map(
      (r) =>
        `| ${r.label} | ${fmt(r.app, r.unit)} | ${fmt(r.bare, r.unit)} | ${Number.isFinite(r.ratio) ? r.ratio.toFixed(2) : '–'} |`,
    ),
  ].join('\n');
const table = tableOf(rows);
const snapshotTable = tableOf(snapshotRows);

console.log(`\nBoot, medians of ${RUNS} runs (Chromium ${result.chromium}, v86 ${result.v86})\n`);
console.log(table);
console.log(`\nSnapshots, medians of ${RUNS} runs\n`);
console.log(snapshotTable);
console.log(`\nOur own JS, gzipped: ${(ownJsGzip / 1024).toFixed(1)} KB`);
console.log(
  '\n' +
    JSON.stringify(
      { boot: result.boot, snapshots: result.snapshots, sizes: result.sizes },
      null,
      2,
    ),
);

mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(
  join(root, 'bench', 'results', 'latest.json'),
  JSON.stringify(result, null, 2) + '\n',
);
writeFileSync(
  join(root, 'docs', 'performance.md'),
  `# Performance

Written by \`npm run bench\` on ${result.date.slice(0, 10)}: medians of ${RUNS} runs, headless Chromium
${result.chromium}, v86 ${result.v86}, on the development machine (2 cores). Each figure stands beside the
same figure for a bare v86 page (\`bench/bare/\`: the same images, no app) measured in the same run, so
the ratio holds on a noisy machine even when the absolute times drift: it is the median of the
per-run ratios, each run booting the app and the bare page back to back (in alternating order).

## Boot to the first prompt (cold: a fresh browser context each run)

${table}

- Navigation → first prompt: from the start of navigation to the shell prompt after the guest's welcome line.
- On screen: when the prompt's text is in the terminal's DOM (the bare page draws nothing, so
  its figure is the bytes' arrival).
- \`new V86\` → first prompt: the same end point, from the moment the emulator is constructed.
- Bytes downloaded: every response of the browser context, workers' included (body and headers:
  HTML, JS, CSS, wasm, images).
- JS heap: V8's used heap of the page's main thread after a forced GC, once the prompt is up. The
  app runs v86 in a worker, whose heap is not in this figure; the bare page runs v86 on its main
  thread. The guest's RAM is WebAssembly memory and is in neither.

## Snapshots (idle default guest, 128 MB RAM)

${snapshotTable}

- Save: from the click on "Save snapshot" to the snapshot listed, i.e. committed to IndexedDB
  (v86 \`save_state\`, content-defined chunks hashed and deflated in a worker, one transaction).
- Restore: from the click on "Restore" to the shell answering a command typed afterwards
  (chunks read, inflated and SHA-256-checked in the worker, then v86 \`restore_state\`).
- Stored bytes: compressed chunks in IndexedDB; the second snapshot stores only the chunks
  that changed. The bare page keeps the raw state in memory.

## What we ship

- Our own JS (the \`index-*.js\` chunk), gzipped: **${(ownJsGzip / 1024).toFixed(1)} KB**
- Guest images: ${Object.entries(result.sizes.images)
    .map(([n, s]) => `\`${n}\` ${(s / 1e6).toFixed(2)} MB`)
    .join(', ')}

Raw samples: \`bench/results/latest.json\` (not committed).
`,
);
console.error('[bench] wrote docs/performance.md and bench/results/latest.json');
