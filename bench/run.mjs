#!/usr/bin/env node
// npm run bench: boots the built app and a bare v86 page (same images, no app) alternately in
// fresh Chromium contexts, and reports medians side by side. Writes docs/performance.md and
// bench/results/latest.json. Runs: BENCH_RUNS (default 9, at least 3).
import { chromium } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
import { appAnswer, bareAnswer } from './answer.mjs';
import { appIdle, appSecondMachine, bareIdle, bareSecondMachine } from './machines.mjs';
import { printable, renderPerformance } from './report.mjs';
import {
  appAddAndPing,
  appFlood,
  appIdleThree,
  appMeasure,
  appRtt,
  bareAddAndPing,
  bareFlood,
  bareIdleThree,
  bareMeasure,
  bareRtt,
} from './network.mjs';
import { appIso, appScreen, appShared, bareIso, bareScreen, bareShared } from './guests.mjs';
import { WORKLOADS } from '../images/bench/run-wasm.mjs';
import {
  appDownload,
  appFloodTab,
  appManyFiles,
  bareDownload,
  bareFloodTab,
  bareManyFiles,
} from './hostile.mjs';
import { appAgent, bareAgent } from './seams.mjs';
import { appLessonCheck, bareLessonCheck } from './lessons.mjs';
import { firstLoadChunks } from './firstLoad.mjs';
import { appWorkspace, bareWorkspace } from './workspace.mjs';
import { appSettledIdle, bareSettledIdle } from './idle.mjs';
import { appMigration, bareMigration } from './migration.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 9));
const TIMEOUT = 60_000;

const server = await startServer({
  '/': join(root, 'dist'),
  '/bare/': join(root, 'bench', 'bare'),
  '/bare/v86/': join(root, 'node_modules', 'v86', 'build'),
  '/reference/': join(root, 'bench', 'reference'),
});
const base = `http://127.0.0.1:${server.address().port}`;
const launch = chromiumLaunchOptions();
// Precise heap figures (performance.memory) for the image import's heap growth.
const browser = await chromium.launch({
  ...launch,
  args: [...launch.args, '--enable-precise-memory-info'],
});

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
      if (document.querySelector('.xterm-rows')?.textContent?.includes('root@pc1:~#')) {
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
      await page.goto(url.replace('&boot=cold', '&tool=snapshots'));
      await page.waitForFunction(
        () => document.querySelector('.xterm-rows')?.textContent?.includes('root@pc1:~#'),
        null,
        { timeout: TIMEOUT, polling: 10 },
      );
    }
    const snapshot = await (kind === 'app' ? appSnapshots(page) : bareSnapshots(page));
    return { ...timing, bytes: bootBytes, heap: usedSize, ...snapshot };
  } finally {
    await context.close();
  }
}

/**
 * Measures the app and the bare page `rounds` times, alternating which goes first so neither
 * always gets the warmer machine. A failed measurement leaves `failed` in its place, so the
 * i-th app result and the i-th bare result still ran back to back (their ratio is a pair).
 */
let failures = 0;
async function alternate(label, rounds, measure, failed) {
  const results = { app: [], bare: [] };
  for (let i = 0; i < rounds; i++) {
    for (const kind of i % 2 ? ['bare', 'app'] : ['app', 'bare']) {
      try {
        results[kind].push(await measure(kind));
      } catch (error) {
        // The run goes on (its pair stays aligned), but the bench fails at the end.
        failures++;
        console.error(`[bench] ${label} ${kind} failed: ${error.message.split('\n')[0]}`);
        results[kind].push(failed);
      }
    }
    console.error(`[bench] ${label} ${i + 1}/${rounds} done`);
  }
  return results;
}

// The ratio is the median of each run's app/bare pair: the two boots of a pair ran back to back,
// so a machine that slows down for a while slows both, and the ratio still holds.
const figuresOf =
  (set) =>
  ([key, label, unit]) => {
    const app = median(set.app.map((s) => s[key]));
    const bare = median(set.bare.map((s) => s[key]));
    const pairs = set.app.map((s, i) => ratio(s[key], set.bare[i]?.[key]));
    return { key, label, unit, app, bare, ratio: Math.round(median(pairs) * 100) / 100 };
  };

const NETWORK_METRICS = [
  [
    'addToPing',
    '"Add machine" (with its card) → it has an address and its `ping -c 1` to the first was answered (bare: static addresses, v86\'s relay)',
    'ms',
  ],
  ['rttMs', 'Ping round trip between two guests, virtio-net (median of 20)', 'ms'],
  ['cpuThreeOverOne', 'CPU, three idle machines ÷ one (whole browser, over 10 s)', 'x'],
  ['longestThreeMs', 'Longest main-thread task while three machines start', 'ms'],
  [
    'floodFps',
    'Flood (8 MiB over TCP): frames a second through the switch (bare: its relay)',
    '/s',
  ],
  ['floodDropped', 'Flood: frames the switch dropped', 'n'],
  ['viewFps', 'Flood: packet view redraws a second (bare: none)', '/s'],
  ['floodLongestMs', 'Flood: longest main-thread task', 'ms'],
  ['ne2kThroughput', 'NE2000: TCP throughput, 4 MiB with `nc`', 'MB/s'],
  ['virtioThroughput', 'virtio-net: TCP throughput, 4 MiB with `nc`', 'MB/s'],
  ['ne2kRtt', 'NE2000: ping round trip (median of 20)', 'ms'],
  ['virtioRtt', 'virtio-net: ping round trip (median of 20)', 'ms'],
  ['ne2kIpb', 'NE2000: guest instructions per byte sent (both guests)', 'n'],
  ['virtioIpb', 'virtio-net: guest instructions per byte sent (both guests)', 'n'],
];

// Virtual networks: a machine added with its card, ping round trips, three idle machines, a
// flood through the switch with the packet view on screen, and NE2000 vs virtio-net.
const NETWORK_ROUNDS = 3;
const networkSection = () =>
  pairedSection(
    'network',
    NETWORK_ROUNDS,
    [
      [appAddAndPing, bareAddAndPing],
      [appRtt, bareRtt],
      [appIdleThree, bareIdleThree],
      [appFlood, bareFlood],
      [appMeasure, bareMeasure],
    ],
    NETWORK_METRICS,
  );

/**
 * A section of app/bare measurement pairs: each round runs all of a kind's measurements in a
 * row, their figures merged into one sample; then the section's table rows.
 */
async function pairedSection(label, rounds, pairs, metrics) {
  const samples = await alternate(
    label,
    rounds,
    async (kind) => {
      let figures = {};
      for (const [app, bare] of pairs) {
        figures = { ...figures, ...(await (kind === 'app' ? app : bare)(browser, base)) };
      }
      return figures;
    },
    {},
  );
  return { samples, rows: metrics.map(figuresOf(samples)) };
}

const GUEST_METRICS = [
  [
    'screenPromptMs',
    'Screen guest: pre-booted state → its screen shows the prompt (`new V86` →)',
    'ms',
  ],
  ['navToScreenPromptMs', 'Screen guest: navigation → its screen shows the prompt', 'ms'],
  ['scrollFps', 'Screen guest: distinct pictures a second while text scrolls (`seq`)', '/s'],
  [
    'scrollLongestMs',
    'Screen guest: longest main-thread task while text scrolls (0: none of 50 ms or more)',
    'ms',
  ],
  [
    'isoAddMs',
    '50 MB ISO: "Replace pc1 with it" → stored and booting (bare: the File given to v86 → booting)',
    'ms',
  ],
  ['isoHeapGrowth', '50 MB ISO: JS heap growth of the page meanwhile', 'B'],
  ['sharedInMs', 'Shared folder: 16 MiB in (chosen → read by the guest through 9p)', 'ms'],
  ['sharedOutMs', 'Shared folder: 16 MiB out (the guest copies it → downloaded)', 'ms'],
  ['sharedEqual', 'Shared folder: checksums equal both ways (1 = yes)', 'n'],
];

// Other guests: the screen guest, a teacher's ISO, files in and out through 9p.
const GUEST_ROUNDS = 3;
const guestsSection = () =>
  pairedSection(
    'guests',
    GUEST_ROUNDS,
    [
      [appScreen, bareScreen],
      [appIso, bareIso],
      [appShared, bareShared],
    ],
    GUEST_METRICS,
  );

const HOSTILE_METRICS = [
  [
    'floodTabLongestMs',
    'Another tab floods the switch channel (200,000 messages; bare: its relay channel): longest main-thread task',
    'ms',
  ],
  ['floodTabEchoMs', 'Meanwhile: Enter of `echo $((6*7))` → its answer on screen', 'ms'],
  [
    'downloadHeapGrowth',
    'A 200 MB file the guest wrote, downloaded: JS heap growth (bare: `read_file` and a Blob)',
    'B',
  ],
  [
    'downloadRssPeak',
    "Meanwhile: the renderer's memory (RSS: the page and its workers), peak growth",
    'B',
  ],
  [
    'manyFilesLongestMs',
    'A shared folder of 10,000 files, idle: longest main-thread task over 5 s',
    'ms',
  ],
];

// Hostile inputs: a flood from another tab, a 200 MB download, a folder of 10,000 files.
const HOSTILE_ROUNDS = 3;
const hostileSection = () =>
  pairedSection(
    'hostile',
    HOSTILE_ROUNDS,
    [
      [appFloodTab, bareFloodTab],
      [appDownload, bareDownload],
      [appManyFiles, bareManyFiles],
    ],
    HOSTILE_METRICS,
  );

// The seams: the guest agent's round trip, idle and while the guest computes; a lesson's check.
const SEAMS_METRICS = [
  [
    'agentIdleMs',
    'Agent round trip for `true`, idle guest (bare: `true` typed, the prompt back)',
    'ms',
  ],
  ['agentBusyMs', 'The same while the guest computes flat out (a busy loop)', 'ms'],
  [
    'lessonCheckMs',
    "Lessons: a step's command, Enter → the step shown done (bare: the command's prompt back)",
    'ms',
  ],
];
const SEAMS_ROUNDS = 3;
const seamsSection = () =>
  pairedSection(
    'seams',
    SEAMS_ROUNDS,
    [
      [appAgent, bareAgent],
      [appLessonCheck, bareLessonCheck],
    ],
    SEAMS_METRICS,
  );

const WORKSPACE_METRICS = [
  ['columns', 'At 1280×720 in Spanish: terminal columns the guest sees (no tool open)', 'n'],
  ['rows', 'At 1280×720 in Spanish: terminal rows the guest sees', 'n'],
  ['columnsWithTool', 'At 1280×720: terminal columns with the Snapshots pane open', 'n'],
  ['inView', '"Save snapshot" and the speed figure wholly in view, no scrolling (1 = yes)', 'n'],
  ['toolOpenMs', 'A click on the Network tool → its pane drawn (first open: its code loads)', 'ms'],
];
const WORKSPACE_ROUNDS = 3;
const workspaceSection = () =>
  pairedSection('workspace', WORKSPACE_ROUNDS, [[appWorkspace, bareWorkspace]], WORKSPACE_METRICS);

const IDLE_METRICS = [
  ['cpuOne', 'CPU, one idle machine, settled (share of a core, whole browser, over 10 s)', '%'],
  ['cpuThree', 'CPU, three idle machines, settled', '%'],
  ['wakeupsOne', "Wake-ups a second of the page's threads, one idle machine", '/s'],
  ['wakeupsThree', "Wake-ups a second of the page's threads, three idle machines", '/s'],
];
const IDLE_ROUNDS = 3;
const idleSection = () =>
  pairedSection('idle', IDLE_ROUNDS, [[appSettledIdle, bareSettledIdle]], IDLE_METRICS);

// The lab's start and what a machine costs, beside bare v86 with the same images and beside bare
// v86 resuming the frozen 128 MB state of before right-sizing (bench/reference/).
const START_METRICS = [
  [
    'answer',
    'Pre-booted state → the shell has answered `echo $((6*7))` (navigation →; bare: same images)',
    'ms',
  ],
  [
    'answerVsReference',
    'The same; bare v86 resuming the frozen 128 MB reference state (bench/reference/)',
    'ms',
  ],
  ['addedBytes', 'Memory an added machine costs (all browser processes, RSS)', 'B'],
];
const START_ROUNDS = 3;
const appStart = async () => {
  const { answer } = await appAnswer(browser, `${base}/?lang=en`);
  const { addedBytes } = await appSecondMachine(browser, base);
  return { answer, answerVsReference: answer, addedBytes };
};
const bareStart = async () => {
  const { answer } = await bareAnswer(browser, `${base}/bare/?state`);
  const reference = await bareAnswer(browser, `${base}/bare/?state&reference`);
  const { addedBytes } = await bareSecondMachine(browser, base);
  return { answer, answerVsReference: reference.answer, addedBytes };
};
const startSection = () =>
  pairedSection('start', START_ROUNDS, [[appStart, bareStart]], START_METRICS);

// Live migration between two tabs (hosts), idle and while the guest dirties 8 MiB in a loop.
const MIGRATION_METRICS = [
  [
    'idleDowntimeMs',
    'Idle guest, live: downtime (its last instruction on host A → its first on host B; bare: stop, save_state, send, restore_state, run)',
    'ms',
  ],
  [
    'idlePingLost',
    'Idle guest, live: pings lost by a ping at 10/s from a machine of host B (bare: no network)',
    'n',
  ],
  ['idleTotalMs', 'Idle guest, live: total time, first round → running on B', 'ms'],
  ['idleRounds', 'Idle guest, live: pre-copy rounds (bare: none)', 'n'],
  [
    'idleLastShare',
    "Idle guest, live: the stop-and-copy's pages, % of the first round's bytes",
    '%',
  ],
  ['idleBytes', 'Idle guest, live: bytes sent (memory pages and state)', 'B'],
  ['idleStoppedMs', 'Idle guest, moved stopped (stop-and-copy): downtime', 'ms'],
  ['dirtyDowntimeMs', 'Guest rewriting 8 MiB in a loop, live: downtime', 'ms'],
  ['dirtyTotalMs', 'Guest rewriting 8 MiB in a loop, live: total time', 'ms'],
  ['dirtyRounds', 'Guest rewriting 8 MiB in a loop, live: pre-copy rounds', 'n'],
  ['dirtyBytes', 'Guest rewriting 8 MiB in a loop, live: bytes sent', 'B'],
  ['dirtyStoppedMs', 'Guest rewriting 8 MiB in a loop, moved stopped: downtime', 'ms'],
];
const MIGRATION_ROUNDS = 3;
const migrationSection = () =>
  pairedSection('migration', MIGRATION_ROUNDS, [[appMigration, bareMigration]], MIGRATION_METRICS);

// BENCH_ONLY=network, guests, hostile, seams, workspace, idle, start or migration: that section alone, its table put into the last full
// run's JSON (which says so, and the doc says which tables are older).
const SECTIONS = {
  network: async () => {
    const { samples, rows } = await networkSection();
    return { rows, samples: { networkSamples: samples } };
  },
  guests: async () => {
    const { samples, rows } = await guestsSection();
    return { rows, samples: { guestSamples: samples } };
  },
  hostile: async () => {
    const { samples, rows } = await hostileSection();
    return { rows, samples: { hostileSamples: samples } };
  },
  seams: async () => {
    const { samples, rows } = await seamsSection();
    return { rows, samples: { seamsSamples: samples } };
  },
  workspace: async () => {
    const { samples, rows } = await workspaceSection();
    return { rows, samples: { workspaceSamples: samples } };
  },
  idle: async () => {
    const { samples, rows } = await idleSection();
    return { rows, samples: { idleSamples: samples } };
  },
  start: async () => {
    const { samples, rows } = await startSection();
    return { rows, samples: { startSamples: samples } };
  },
  migration: async () => {
    const { samples, rows } = await migrationSection();
    return { rows, samples: { migrationSamples: samples } };
  },
};
const only = process.env.BENCH_ONLY;
if (only) {
  if (!Object.hasOwn(SECTIONS, only)) throw new Error(`BENCH_ONLY=${only}: no such section`);
  const { rows, samples } = await SECTIONS[only]();
  await browser.close();
  server.close();
  const previous = JSON.parse(readFileSync(join(root, 'bench', 'results', 'latest.json'), 'utf8'));
  const measured = [...new Set([...(previous.partial?.measured ?? []), only])];
  const partial = {
    ...previous,
    date: new Date().toISOString(),
    chromium: browser.version(),
    partial: {
      measured,
      measuredOn: { ...previous.partial?.measuredOn, [only]: new Date().toISOString() },
      othersFrom: previous.partial?.othersFrom ?? previous.date,
    },
    tables: { ...previous.tables, [only]: rows },
    ...samples,
  };
  console.log(printable(partial));
  writeFileSync(
    join(root, 'bench', 'results', 'latest.json'),
    JSON.stringify(partial, null, 2) + '\n',
  );
  if (failures > 0) {
    console.error(`[bench] ${failures} measurement(s) failed: docs/performance.md not written`);
    process.exit(1);
  }
  writeFileSync(join(root, 'docs', 'performance.md'), renderPerformance(partial));
  console.error(`[bench] wrote docs/performance.md and bench/results/latest.json (${only} only)`);
  process.exit(0);
}

// Cold boots.
const samples = await alternate('cold boot', RUNS, bootOnce, {});

// The shell answering a command typed the moment its prompt is there: from the pre-booted state
// (what the lab does on load) and from a cold boot, app vs bare page.
const answers = await alternate(
  'shell answers (pre-booted state)',
  RUNS,
  (kind) =>
    kind === 'app'
      ? appAnswer(browser, `${base}/?lang=en`)
      : bareAnswer(browser, `${base}/bare/?state`),
  {},
);
const coldAnswers = await alternate(
  'shell answers (cold boot)',
  RUNS,
  (kind) =>
    kind === 'app' ? appAnswer(browser, PAGES.app.url) : bareAnswer(browser, PAGES.bare.url),
  {},
);

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
  (kind) =>
    kind === 'app'
      ? appCost(browser, `${PAGES.app.url}&tool=cost`)
      : bareCost(browser, PAGES.bare.url),
  { tableMs: NaN, host: {}, jit: {}, interp: {}, mips: { jit: {}, interp: {} }, sums: {} },
);

// The lab's own overhead in steady state: guest MIPS during a long workload, app vs bare.
const steady = await alternate(
  'steady MIPS',
  COST_ROUNDS,
  (kind) =>
    kind === 'app'
      ? appSteadyMips(browser, `${PAGES.app.url.replace('&boot=cold', '')}&tool=guest`)
      : bareSteadyMips(browser, `${base}/bare/?state`),
  NaN,
);

// A lab of several machines: adding one, what it costs in memory and gives back, idle CPU.
const machines = await alternate(
  'machines',
  RUNS,
  async (kind) => {
    const app = kind === 'app';
    const added = await (app ? appSecondMachine : bareSecondMachine)(browser, base);
    const one = await (app ? appIdle : bareIdle)(browser, base, 1);
    const two = await (app ? appIdle : bareIdle)(browser, base, 2);
    return {
      ...added,
      cpuOne: one.cpu,
      cpuTwo: two.cpu,
      cpuTwoOverOne: two.cpu / one.cpu,
      longestTaskMs: two.longestTaskMs,
    };
  },
  {},
);

const { samples: network, rows: networkRows } = await networkSection();
const { samples: guests, rows: guestRows } = await guestsSection();
const { samples: hostile, rows: hostileRows } = await hostileSection();
const { samples: seams, rows: seamsRows } = await seamsSection();
const { samples: workspace, rows: workspaceRows } = await workspaceSection();
const { samples: idle, rows: idleRows } = await idleSection();
const { samples: start, rows: startRows } = await startSection();
const { samples: migration, rows: migrationRows } = await migrationSection();
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
  [
    'restoreMs',
    'Restore an older snapshot: click → shell answers (bare: `restore_state` from memory)',
    'ms',
  ],
  [
    'restoreLatestMs',
    'Restore the snapshot saved last (kept in memory): click → shell answers',
    'ms',
  ],
  ['firstBytes', 'Stored, first snapshot: its chunks, compressed (bare: raw state)', 'B'],
  ['baseBytes', "Stored once per browser: the pre-booted state's chunks (the base)", 'B'],
  ['firstAddedBytes', 'Added to the store by the first snapshot (bare: raw)', 'B'],
  ['secondAddedBytes', 'Stored, added by a second snapshot one command later (bare: raw)', 'B'],
  ['longestTaskMs', 'Longest main-thread task while saving', 'ms'],
];
const figures = figuresOf(samples);
const rows = METRICS.map(figures);
const ANSWER_METRICS = [
  ['answer', 'Navigation → the shell has answered `echo $((6*7))`', 'ms'],
  ['promptShown', 'Navigation → prompt on screen (bare: its prompt, not drawn)', 'ms'],
  ['clickMs', 'A click into the terminal right after: input → next frame', 'ms'],
];
const answerRows = ANSWER_METRICS.map(figuresOf(answers));
const coldAnswerRows = ANSWER_METRICS.slice(0, 2).map(figuresOf(coldAnswers));
const INSTANT_METRICS = [
  ['coldPrompt', 'Navigation → prompt, cold cache (first visit)', 'ms'],
  ['coldShown', 'Navigation → prompt on screen, cold cache (bare: not drawn)', 'ms'],
  ['warmPrompt', 'Navigation → prompt, warm cache (service worker; bare: none)', 'ms'],
  ['warmShown', 'Navigation → prompt on screen, warm cache', 'ms'],
  ['offlinePrompt', 'Offline reload → prompt (network off, service worker)', 'ms'],
  ['offlineShown', 'Offline reload → prompt on screen', 'ms'],
];
const instantRows = INSTANT_METRICS.map(figuresOf(instant));
const MACHINE_METRICS = [
  [
    'addToAnswer',
    '"Add machine" → its shell has answered `echo $((6*7))` (bare: another `new V86`, state in memory)',
    'ms',
  ],
  ['addToPrompt', '"Add machine" → its prompt on screen (bare: not drawn)', 'ms'],
  ['addedBytes', 'Memory an added machine costs (all browser processes, RSS)', 'B'],
  ['afterCycles', 'Memory after adding and removing a machine 10 times ÷ before', 'x'],
  ['cpuOne', 'CPU, one idle machine (share of a core, whole browser, over 10 s)', '%'],
  ['cpuTwo', 'CPU, two idle machines', '%'],
  ['cpuTwoOverOne', 'CPU, two idle machines ÷ one', 'x'],
  ['longestTaskMs', 'Longest main-thread task while two machines start', 'ms'],
];
const machineRows = MACHINE_METRICS.map(figuresOf(machines));
const snapshotRows = SNAPSHOT_METRICS.map(figures);

// Sizes of what we ship, from the build output.
const assets = join(root, 'dist', 'assets');
const ownJs = firstLoadChunks(assets);
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
  // Each table of docs/performance.md, row by row: label, unit, medians and the pair ratio.
  tables: {
    answer: answerRows,
    coldAnswer: coldAnswerRows,
    instant: instantRows,
    boot: rows,
    snapshots: snapshotRows,
    machines: machineRows,
    network: networkRows,
    guests: guestRows,
    hostile: hostileRows,
    seams: seamsRows,
    workspace: workspaceRows,
    idle: idleRows,
    start: startRows,
    migration: migrationRows,
  },
  workloads: WORKLOADS,
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
  answerSamples: answers,
  coldAnswerSamples: coldAnswers,
  costSamples: cost,
  machineSamples: machines,
  networkSamples: network,
  guestSamples: guests,
  hostileSamples: hostile,
  seamsSamples: seams,
  workspaceSamples: workspace,
  idleSamples: idle,
  startSamples: start,
  migrationSamples: migration,
  sizes: {
    ownJsGzip,
    images: Object.fromEntries(Object.entries(manifest.files).map(([name, f]) => [name, f.size])),
  },
};

console.log(printable(result));
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(
  join(root, 'bench', 'results', 'latest.json'),
  JSON.stringify(result, null, 2) + '\n',
);
if (failures > 0) {
  // Figures with holes are no figures: the docs keep the last complete run's.
  console.error(`[bench] ${failures} measurement(s) failed: docs/performance.md not written`);
  process.exit(1);
}
writeFileSync(join(root, 'docs', 'performance.md'), renderPerformance(result));
console.error('[bench] wrote docs/performance.md and bench/results/latest.json');
