// What idle machines cost once the lab has settled, as a classroom laptop feels it over a lesson:
// the whole browser's CPU (a share of one core) and how often its page's threads wake up, with
// one and three machines at their prompts, beside the bare v86 page running as many emulators.
//
// "Settled": the spare machine readied, the snapshot base taken, the offline cache filled, and
// V8 done optimizing v86's WebAssembly (its top-tier compiles take a tenth of a core for the
// first ~30 s of any v86 page, the bare one too). Measured after SETTLE_MS, over IDLE_MS.
import { readdirSync, readFileSync } from 'node:fs';
import { inFreshPage, openBare } from './pages.mjs';
import { openMachines, processUse } from './machines.mjs';

const SETTLE_MS = 35_000;
const IDLE_MS = 10_000;

/** The renderer processes' ids (the pages and their workers). */
async function rendererPids(browser) {
  const session = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = await session.send('SystemInfo.getProcessInfo');
    return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
  } finally {
    await session.detach();
  }
}

/**
 * Context switches of every thread of those processes (Linux: /proc): each is a thread that
 * went to sleep and was woken, or was preempted. NaN elsewhere.
 */
function switches(pids) {
  let total = 0;
  for (const pid of pids) {
    let tids;
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      return NaN;
    }
    for (const tid of tids) {
      try {
        const status = readFileSync(`/proc/${pid}/task/${tid}/status`, 'utf8');
        for (const key of ['voluntary_ctxt_switches', 'nonvoluntary_ctxt_switches']) {
          total += Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
        }
      } catch {
        // a thread that ended meanwhile
      }
    }
  }
  return total;
}

/** CPU (share of a core, whole browser) and renderer wake-ups a second, after settling. */
async function settledIdle(browser, page) {
  await page.waitForTimeout(SETTLE_MS);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  const pids = await rendererPids(browser);
  const before = { use: await processUse(browser), switches: switches(pids) };
  const started = Date.now();
  await page.waitForTimeout(IDLE_MS);
  const after = { use: await processUse(browser), switches: switches(pids) };
  const seconds = (Date.now() - started) / 1000;
  return {
    cpu: (after.use.cpu - before.use.cpu) / seconds,
    wakeups: (after.switches - before.switches) / seconds,
  };
}

/** The app with `n` machines at their prompts. */
async function appMachines(browser, base, n) {
  return inFreshPage(browser, async (page) => {
    await openMachines(page, base, n);
    return settledIdle(browser, page);
  });
}

async function bareMachines(browser, base, n) {
  return inFreshPage(browser, async (page) => {
    await openBare(page, `${base}/bare/?state&machines=${n}`);
    await page.waitForFunction(() => window.bare?.allUp, null, { timeout: 60_000 });
    return settledIdle(browser, page);
  });
}

const figures = (one, three) => ({
  cpuOne: one.cpu,
  cpuThree: three.cpu,
  wakeupsOne: one.wakeups,
  wakeupsThree: three.wakeups,
});

export async function appSettledIdle(browser, base) {
  return figures(await appMachines(browser, base, 1), await appMachines(browser, base, 3));
}

export async function bareSettledIdle(browser, base) {
  return figures(await bareMachines(browser, base, 1), await bareMachines(browser, base, 3));
}
