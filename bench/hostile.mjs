// Hostile inputs, measured as a user feels them, beside the bare v86 page (bench/bare/):
// - another tab of the origin floods the switch's channel with 200,000 messages (bare: v86's
//   own in-browser relay channel): the longest main-thread task meanwhile, and how long the
//   shell takes to answer `echo` typed during it (keypress → the answer on screen);
// - a 200 MB file the guest wrote, downloaded from the shared folder: the page's JS heap growth
//   (bare: v86's read_file and a Blob of it, as a page would do it);
// - a shared folder of 10,000 files sitting idle: the longest main-thread task over 5 s.
import { statSync } from 'node:fs';
import { inFreshPage, openApp, openBare } from './pages.mjs';
import { processUse } from './machines.mjs';

const FLOOD = 200_000;
const DOWNLOAD_MB = 200;
const FILES = 10_000;
const MAKE_BIG = `dd if=/dev/zero of=/mnt/host/big.bin bs=1048576 count=${DOWNLOAD_MB} 2>/dev/null; echo made"-it"`;
const IDLE_MS = 5_000;
/** After the prompt the lab readies a spare machine and stores the snapshots' base first. */
const SETTLE = async (page) =>
  page.waitForFunction(() => document.querySelector('[data-base-ready=true]'), null, {
    timeout: 120_000,
  });

/** Long tasks from now on (cleared), read back by TAKE_LONGEST. */
const WATCH_LONG_TASKS = () => {
  window.__longest = 0;
  window.__watch?.disconnect();
  window.__watch = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
  });
  window.__watch.observe({ type: 'longtask' });
};
const TAKE_LONGEST = () => window.__longest;

/** Another page of the origin posting `count` messages on `channel`, as a rogue tab would. */
async function flood(context, base, channel) {
  const rogue = await context.newPage();
  await rogue.goto(`${base}/icons/icon.svg`);
  return rogue.evaluate(
    ([name, count]) => {
      const c = new BroadcastChannel(name);
      c.postMessage(null);
      for (let i = 0; i < count; i++) {
        const bytes = new Uint8Array(i % 1000 === 0 ? 65_535 : 60);
        bytes.set([2, 0x86, 0xba, 0xd0, i >> 8, i & 255], 6);
        c.postMessage({ from: 'rogue', bytes });
      }
    },
    [channel, FLOOD],
  );
}

/** In the lab: ms from the Enter of `echo $((6*7))` to the answer on screen. */
async function appEcho(page) {
  await page.locator('.xterm-screen').click();
  await page.keyboard.type('echo $((6*7))');
  await page.evaluate(() => {
    window.__answered = new Promise((resolve) => {
      const rows = document.querySelector('.xterm-rows');
      const before = rows.textContent.split('42').length;
      let pressed = 0;
      window.addEventListener('keydown', () => (pressed = performance.now()), {
        once: true,
        capture: true,
      });
      new MutationObserver((_, observer) => {
        if (rows.textContent.split('42').length > before) {
          observer.disconnect();
          resolve(performance.now() - pressed);
        }
      }).observe(rows, { subtree: true, childList: true, characterData: true });
    });
  });
  await page.keyboard.press('Enter');
  return page.evaluate(() => window.__answered);
}

export function appFloodTab(browser, base) {
  return inFreshPage(browser, async (page, context) => {
    await openApp(page, `${base}/?lang=en`);
    await SETTLE(page);
    await page.evaluate(WATCH_LONG_TASKS);
    const flooding = flood(context, base, 'aula86-switch:LAN-A');
    await page.waitForTimeout(300);
    const echoMs = await appEcho(page);
    await flooding;
    await page.waitForTimeout(2_000);
    return { floodTabLongestMs: await page.evaluate(TAKE_LONGEST), floodTabEchoMs: echoMs };
  });
}

export function bareFloodTab(browser, base) {
  return inFreshPage(browser, async (page, context) => {
    await openBare(page, `${base}/bare/?state`);
    await page.waitForTimeout(6_000);
    await page.evaluate(WATCH_LONG_TASKS);
    const flooding = flood(context, base, 'v86-inbrowser-0');
    await page.waitForTimeout(300);
    const { ms } = await page.evaluate(() => window.bare.runCommand('echo $((6*7))', '42\\r?\\n'));
    await flooding;
    await page.waitForTimeout(2_000);
    return { floodTabLongestMs: await page.evaluate(TAKE_LONGEST), floodTabEchoMs: ms };
  });
}

async function heap(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

export function appDownload(browser, base) {
  return inFreshPage(
    browser,
    async (page) => {
      await openApp(page, `${base}/?lang=en&tool=shared`);
      await SETTLE(page);
      await page.locator('.xterm-screen').click();
      await page.keyboard.type(`${MAKE_BIG}\n`);
      await page
        .locator('.xterm-rows')
        .filter({ hasText: 'made-it' })
        .waitFor({ timeout: 180_000 });
      const button = page.getByRole('button', { name: 'Download “big.bin”' });
      await button.waitFor({ timeout: 10_000 });
      return measureDownload(browser, page, () => button.click());
    },
    { acceptDownloads: true },
  );
}

export function bareDownload(browser, base) {
  return inFreshPage(
    browser,
    async (page) => {
      await openBare(page, `${base}/bare/?state`);
      await page.evaluate((command) => window.bare.runCommand(command, 'made-it'), MAKE_BIG);
      return measureDownload(browser, page, () =>
        page.evaluate(async () => {
          const bytes = await window.bare.emulator.read_file('/big.bin');
          const link = document.createElement('a');
          link.href = URL.createObjectURL(new Blob([bytes]));
          link.download = 'big.bin';
          link.click();
        }),
      );
    },
    { acceptDownloads: true },
  );
}

/**
 * Clicks the download with `start`, waits until it is on disk, whole, and gives the page's JS
 * heap growth (V8's, after a GC) and the peak growth of the renderer's memory meanwhile (RSS of
 * the page's process, its workers included: a file copied into an ArrayBuffer shows here).
 */
async function measureDownload(browser, page, start) {
  const cdp = await page.context().newCDPSession(page);
  const heapBefore = await heap(cdp);
  const rssBefore = (await processUse(browser, 'renderer')).rss;
  let peak = rssBefore;
  let done = false;
  const sampling = (async () => {
    while (!done) {
      peak = Math.max(peak, (await processUse(browser, 'renderer')).rss);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const downloading = page.waitForEvent('download', { timeout: 120_000 });
  await start();
  const size = statSync(await (await downloading).path()).size;
  done = true;
  await sampling;
  if (size !== DOWNLOAD_MB * 2 ** 20) throw new Error(`downloaded ${size} bytes`);
  return { downloadHeapGrowth: (await heap(cdp)) - heapBefore, downloadRssPeak: peak - rssBefore };
}

const MAKE_FILES = `cd /mnt/host && seq 1 ${FILES} | sed s/^/f/ | xargs touch; cd; echo fi"les-made"`;

export function appManyFiles(browser, base) {
  return inFreshPage(browser, async (page) => {
    await openApp(page, `${base}/?lang=en&tool=shared`);
    await SETTLE(page);
    await page.locator('.xterm-screen').click();
    await page.keyboard.type(`${MAKE_FILES}\n`);
    await page.locator('.xterm-rows').getByText('files-made').waitFor({ timeout: 300_000 });
    await page
      // The count as the page writes numbers (Intl: "10,000").
      .getByRole('button', { name: `Show all ${FILES.toLocaleString('en')} files` })
      .waitFor({ timeout: 10_000 });
    await page.evaluate(WATCH_LONG_TASKS);
    await page.waitForTimeout(IDLE_MS);
    return { manyFilesLongestMs: await page.evaluate(TAKE_LONGEST) };
  });
}

export function bareManyFiles(browser, base) {
  return inFreshPage(browser, async (page) => {
    await openBare(page, `${base}/bare/?state`);
    await page.evaluate((command) => window.bare.runCommand(command, 'files-made'), MAKE_FILES);
    await page.evaluate(WATCH_LONG_TASKS);
    await page.waitForTimeout(IDLE_MS);
    return { manyFilesLongestMs: await page.evaluate(TAKE_LONGEST) };
  });
}
