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
import {
  appCost,
  appSteadyMips,
  bareCost,
  bareSteadyMips,
  nativeTimes,
  wasmNodeTimes,
} from './cost.mjs';
import { appInstant, bareInstant } from './instant.mjs';
import { WORKLOADS } from '../images/bench/run-wasm.mjs';

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
  // The boot figures compare a cold boot (BIOS, kernel, init) with the bare page's.
  app: {
    url: `${base}/?lang=en&boot=cold`,
    newMark: 'aula86:new-v86',
    promptMark: 'aula86:prompt',
  },
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
    // Snapshots of the machine as the lab starts it by default (from its pre-booted state).
    if (kind === 'app') {
      await page.goto(url.replace('&boot=cold', ''));
      await page.waitForFunction(
        () => document.querySelector('.xterm-rows')?.textContent?.includes('root@aula86:~#'),
        null,
        { timeout: TIMEOUT, polling: 10 },
      );
    }
    const snapshot = await (kind === 'app' ? appSnapshots(page) : bareSnapshots(page));
    return { ...timing, bytes: bootBytes, heap: usedSize, ...snapshot };
  } catch (error) {
    console.error(`[bench] ${kind} run failed: ${error.message.split('\n')[0]}`);
    return { navToPrompt: NaN, newToPrompt: NaN, bytes: NaN, heap: NaN, saveMs: NaN };
  } finally {
    await context.close();
  }
}

/**
 * Measures the app and the bare page `rounds` times, alternating which goes first so neither
 * always gets the warmer machine. A failed measurement leaves `failed` in its place, so the
 * i-th app result and the i-th bare result still ran back to back (their ratio is a pair).
 */
async function alternate(label, rounds, measure, failed) {
  const results = { app: [], bare: [] };
  for (let i = 0; i < rounds; i++) {
    for (const kind of i % 2 ? ['bare', 'app'] : ['app', 'bare']) {
      try {
        results[kind].push(await measure(kind));
      } catch (error) {
        console.error(`[bench] ${label} ${kind} failed: ${error.message.split('\n')[0]}`);
        results[kind].push(failed);
      }
    }
    console.error(`[bench] ${label} ${i + 1}/${rounds} done`);
  }
  return results;
}

// Cold boots (bootOnce reports its own failures as NaN figures).
const samples = await alternate('cold boot', RUNS, bootOnce, {});

// Instant start: the pre-booted state, app (cold cache, warm cache, offline) vs bare.
const instant = await alternate(
  'instant start',
  RUNS,
  (kind) =>
    kind === 'app'
      ? appInstant(browser, `${base}/?lang=en`)
      : bareInstant(browser, `${base}/bare/?state`),
  {},
);

// The cost of emulation: the app's benchmark and the same commands in the bare page.
const COST_ROUNDS = Math.max(3, Math.round(RUNS / 3));
const cost = await alternate(
  'cost',
  COST_ROUNDS,
  (kind) => (kind === 'app' ? appCost(browser, PAGES.app.url) : bareCost(browser, PAGES.bare.url)),
  { tableMs: NaN, host: {}, jit: {}, interp: {}, mips: { jit: {}, interp: {} }, sums: {} },
);

// The lab's own overhead in steady state: guest MIPS during a long workload, app vs bare.
const steady = await alternate(
  'steady MIPS',
  COST_ROUNDS,
  (kind) =>
    kind === 'app'
      ? appSteadyMips(browser, PAGES.app.url.replace('&boot=cold', ''))
      : bareSteadyMips(browser, `${base}/bare/?state`),
  NaN,
);
await browser.close();
server.close();
const imagesDir = join(root, 'dist', 'images');
const native = nativeTimes(imagesDir, 5);
const wasmNode = await wasmNodeTimes(imagesDir, 5);

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
  ['firstBytes', 'Stored, first snapshot: its chunks, compressed (bare: raw state)', 'B'],
  ['baseBytes', "Stored once per browser: the pre-booted state's chunks (the base)", 'B'],
  ['firstAddedBytes', 'Added to the store by the first snapshot (bare: raw)', 'B'],
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
const INSTANT_METRICS = [
  ['coldPrompt', 'Navigation → prompt, cold cache (first visit)', 'ms'],
  ['coldShown', 'Navigation → prompt on screen, cold cache (bare: not drawn)', 'ms'],
  ['warmPrompt', 'Navigation → prompt, warm cache (service worker; bare: none)', 'ms'],
  ['warmShown', 'Navigation → prompt on screen, warm cache', 'ms'],
  ['offlinePrompt', 'Offline reload → prompt (network off, service worker)', 'ms'],
  ['offlineShown', 'Offline reload → prompt on screen', 'ms'],
];
const instantRows = INSTANT_METRICS.map(([key, label, unit]) => {
  const app = median(instant.app.map((s) => s[key]));
  const bare = median(instant.bare.map((s) => s[key]));
  const pairs = instant.app.map((s, i) => ratio(s[key], instant.bare[i]?.[key]));
  return { key, label, unit, app, bare, ratio: Math.round(median(pairs) * 100) / 100 };
});
const snapshotRows = SNAPSHOT_METRICS.map(figures);

// Sizes of what we ship, from the build output.
const assets = join(root, 'dist', 'assets');
const ownJs = readdirSync(assets).filter((f) => /^index-.*\.js$/.test(f));
const ownJsGzip = ownJs.reduce(
  (sum, f) => sum + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length,
  0,
);
const manifest = JSON.parse(readFileSync(join(root, 'dist', 'images', 'manifest.json'), 'utf8'));

// Per workload: medians over rounds of each round's medians; the app/bare MIPS ratio is the
// median of the per-round ratios (the two ran back to back).
const med = (list, f) => median(list.map(f).filter(Number.isFinite));
const ladder = Object.fromEntries(
  WORKLOADS.map((w) => [
    w,
    {
      native: native.ms?.[w] ?? NaN,
      wasmNode: wasmNode.ms[w],
      wasmChromium: med(cost.app, (c) => c.host[w]),
      jit: med(cost.app, (c) => c.jit[w]),
      interp: med(cost.app, (c) => c.interp[w]),
      bareJit: med(cost.bare, (c) => c.jit[w]),
      bareInterp: med(cost.bare, (c) => c.interp[w]),
      mipsJit: med(cost.app, (c) => c.mips.jit[w]),
      mipsInterp: med(cost.app, (c) => c.mips.interp[w]),
      bareMipsJit: med(cost.bare, (c) => c.mips.jit[w]),
      bareMipsInterp: med(cost.bare, (c) => c.mips.interp[w]),
      mipsRatioJit: med(cost.app, (c, i) => ratio(c.mips.jit[w], cost.bare[i]?.mips.jit[w])),
      mipsRatioInterp: med(cost.app, (c, i) =>
        ratio(c.mips.interp[w], cost.bare[i]?.mips.interp[w]),
      ),
      sumsAgree:
        new Set(
          [
            native.sums?.[w],
            wasmNode.sums[w],
            ...cost.app.flatMap((c) => ['host', 'jit', 'interp'].map((p) => c.sums[`${w}-${p}`])),
          ].filter(Boolean),
        ).size === 1,
    },
  ]),
);
const tableSeconds = med(cost.app, (c) => c.tableMs) / 1000;
const steadyMips = {
  app: median(steady.app),
  bare: median(steady.bare),
  ratio: median(steady.app.map((a, i) => ratio(a, steady.bare[i]))),
};

const result = {
  date: new Date().toISOString(),
  runs: RUNS,
  chromium: browser.version(),
  v86: JSON.parse(readFileSync(join(root, 'node_modules', 'v86', 'package.json'), 'utf8')).version,
  boot: Object.fromEntries(rows.map((r) => [r.key, { app: r.app, bare: r.bare, ratio: r.ratio }])),
  snapshots: Object.fromEntries(
    snapshotRows.map((r) => [r.key, { app: r.app, bare: r.bare, ratio: r.ratio }]),
  ),
  instant: Object.fromEntries(
    instantRows.map((r) => [r.key, { app: r.app, bare: r.bare, ratio: r.ratio }]),
  ),
  cost: {
    ladder,
    tableSeconds,
    steadyMips,
    nativeError: native.error ?? null,
    rounds: COST_ROUNDS,
  },
  samples,
  costSamples: cost,
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
const instantTable = tableOf(instantRows);

const msText = (v) => (!Number.isFinite(v) ? '–' : v < 10 ? v.toFixed(2) : v.toFixed(0));
const times = (v, base) =>
  Number.isFinite(v) && Number.isFinite(base) && base > 0 ? ` (${(v / base).toFixed(1)}×)` : '';
const ladderTable = [
  '| Workload | native i386 | WebAssembly, Node | WebAssembly, Chromium worker | v86 JIT (app) | v86 interpreter (app) | checksums |',
  '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
  ...WORKLOADS.map((w) => {
    const l = ladder[w];
    const base = Number.isFinite(l.native) ? l.native : l.wasmNode;
    return `| ${w} | ${msText(l.native)} ms | ${msText(l.wasmNode)} ms${times(l.wasmNode, base)} | ${msText(l.wasmChromium)} ms${times(l.wasmChromium, base)} | ${msText(l.jit)} ms${times(l.jit, base)} | ${msText(l.interp)} ms${times(l.interp, base)} | ${l.sumsAgree ? 'all equal' : '**differ**'} |`;
  }),
].join('\n');
const mipsTable = [
  '| Workload | app, JIT | bare, JIT | app / bare | app, interpreter | bare, interpreter | app / bare |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...WORKLOADS.map((w) => {
    const l = ladder[w];
    const m = (v) => (Number.isFinite(v) ? v.toFixed(0) : '–');
    const r = (v) => (Number.isFinite(v) ? v.toFixed(2) : '–');
    return `| ${w} | ${m(l.mipsJit)} | ${m(l.bareMipsJit)} | ${r(l.mipsRatioJit)} | ${m(l.mipsInterp)} | ${m(l.bareMipsInterp)} | ${r(l.mipsRatioInterp)} |`;
  }),
].join('\n');
const steadyLine = `Steady state (\`aula-bench int 24\` with the JIT, MIPS over 1-s windows after a 1.5 s warm-up, both resuming the pre-booted state): app ${steadyMips.app.toFixed(0)} MIPS, bare ${steadyMips.bare.toFixed(0)} MIPS, app / bare ${steadyMips.ratio.toFixed(2)} (median of ${COST_ROUNDS} pairs).`;
const bootVsRestore = `Cold boot to a prompt: ${fmt(rows[0].app, 'ms')}; restoring a snapshot to a shell that answers: ${fmt(snapshotRows[1].app, 'ms')}.`;

console.log(`\nBoot, medians of ${RUNS} runs (Chromium ${result.chromium}, v86 ${result.v86})\n`);
console.log(table);
console.log(`\nInstant start (pre-booted state), medians of ${RUNS} runs\n`);
console.log(instantTable);
console.log(`\nSnapshots, medians of ${RUNS} runs\n`);
console.log(snapshotTable);
console.log(`\nThe same work down the ladder, medians (ms; × = times the native time)\n`);
console.log(ladderTable);
console.log(
  `\nGuest MIPS on the same workload, app vs bare v86 page (medians of ${COST_ROUNDS} rounds)\n`,
);
console.log(mipsTable);
console.log(`\n${steadyLine}`);
console.log(
  `\nThe app's full benchmark table (3 repeats): ${tableSeconds.toFixed(1)} s. ${bootVsRestore}`,
);
console.log(`\nOur own JS, gzipped: ${(ownJsGzip / 1024).toFixed(1)} KB`);
console.log(
  '\n' +
    JSON.stringify(
      {
        boot: result.boot,
        instant: result.instant,
        snapshots: result.snapshots,
        cost: result.cost,
        sizes: result.sizes,
      },
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

## Instant start: the pre-booted state (what the lab does by default)

${instantTable}

- The app resumes \`images/boot-state.bin.gz\` (the default guest saved at its prompt by
  \`npm run images\`); the bare page (\`bench/bare/?state\`) resumes the same file with plain v86.
- Cold cache: a fresh browser context. Warm cache: a reload once the service worker has cached
  the lab. Offline: the same, with the context's network switched off.
- "Prompt": the machine is running its shell and takes input (the app's \`aula86:prompt\` mark);
  "on screen": the prompt's text is in the terminal.

## Cold boot to the first prompt (\`?boot=cold\`, a fresh browser context each run)

${table}

- Navigation → first prompt: from the start of navigation to the shell prompt after the guest's welcome line.
- On screen: when the prompt's text is in the terminal's DOM (the bare page draws nothing, so
  its figure is the bytes' arrival).
- \`new V86\` → first prompt: the same end point, from the moment the emulator is constructed
  (the app: the moment its images are handed to the emulator worker, which then constructs v86).
- Why the app can boot faster than the bare page: it runs v86 in a worker that loads v86 and
  compiles its WebAssembly while the page downloads the guest, and that reschedules v86's
  ~1 ms CPU slices on its own thread (\`src/lib/vm/sameThreadYield.ts\`). Plain v86 in a page
  echoes a message off a helper worker between slices: two thread hops per slice, and on two
  cores that helper often waits for a core while V8 compiles v86's JIT output. The app's page
  (Svelte, panels, xterm.js) costs it the rest: it hands over the images ~80 ms after the bare
  page constructs v86, and the prompt reaches the screen a few frames after the machine has it.
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
- Stored bytes: compressed chunks in IndexedDB. Once per browser, after its first start, the
  lab stores the chunks of its pre-booted state (the base); every snapshot then stores and
  compresses only the chunks that changed since, and a second snapshot only those that changed
  since the first. "Its chunks" counts all a snapshot refers to (shared ones in full), as the
  snapshot list shows. The bare page keeps the raw state in memory.
- Save is measured once the lab is idle (the base stored, about a second after the first start).

## The cost of emulation: the same work down the ladder

One program, \`images/bench/aula-bench.c\`, four workloads. Native: the guest's own i386 binary
(taken from the served initramfs) run on this machine${native.error ? ` — **not run here: ${native.error}**` : ''}.
WebAssembly: the host build, in Node's V8 and in the app's Worker in Chromium. v86: the app's
"Run benchmark" (3 repeats per round, median of ${COST_ROUNDS} rounds), the guest timed by the page from
command sent to the result line. × is how many times slower than native.

${ladderTable}

${bootVsRestore}

The app's whole table (4 workloads × host, JIT, interpreter × 3 repeats) takes **${tableSeconds.toFixed(1)} s**.

Note on system calls: "native" here runs in this development machine's container, where a
system call costs about 6 µs (a sandboxed kernel); in the guest, v86 runs the guest kernel's
own system-call path.

### The lab's own overhead: guest MIPS, app vs bare v86

The same commands typed into the bare v86 page (\`bench/bare/\`), JIT on and off, in the same run.
MIPS = instructions executed between the command reaching the guest and its result line,
divided by that time.

${mipsTable}

${steadyLine}

The short runs above (a few hundred ms each) include v86's JIT compiling the program and V8
tiering up the code it generates, which varies a lot from run to run on 2 busy cores; the
steady-state figure is the one to judge the lab's overhead by.

## What we ship

- Our own JS (the \`index-*.js\` chunk), gzipped: **${(ownJsGzip / 1024).toFixed(1)} KB**
- Guest images: ${Object.entries(result.sizes.images)
    .map(([n, s]) => `\`${n}\` ${(s / 1e6).toFixed(2)} MB`)
    .join(', ')}

Raw samples: \`bench/results/latest.json\` (not committed).
`,
);
console.error('[bench] wrote docs/performance.md and bench/results/latest.json');
