// The lab of several machines, measured as a user feels it, beside a bare v86 page that runs the
// same number of emulators (bench/bare/: ?machines=N, addMachine()):
// - a second machine added → its shell has answered `echo $((6*7))`;
// - the CPU that idle machines take (one vs two, the whole browser, over 10 s);
// - the memory a machine costs, and the memory after adding and removing one 10 times;
// - the longest main-thread task while two machines start.
import { readFileSync } from 'node:fs';
import { inFreshPage, openApp, openBare } from './pages.mjs';

const IDLE_MS = 10_000;
const SETTLE_MS = 3_000;
const READ_MS = 3_000;
const COMMAND = 'echo $((6*7))';

/**
 * CPU seconds and resident memory of every process of the browser (Linux: /proc), or of the
 * processes of one type ('renderer': the pages and their workers).
 */
export async function processUse(browser, type = null) {
  const session = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = await session.send('SystemInfo.getProcessInfo');
    let cpu = 0;
    let rss = 0;
    for (const p of processInfo) {
      if (type && p.type !== type) continue;
      cpu += p.cpuTime;
      try {
        const status = readFileSync(`/proc/${p.id}/status`, 'utf8');
        rss += Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024;
      } catch {
        // gone meanwhile, or not Linux: memory figures are then missing (NaN below)
      }
    }
    return { cpu, rss: rss || NaN };
  } finally {
    await session.detach();
  }
}

/** Lets the page (and its workers) settle, then collects the page's garbage. */
async function quiet(page) {
  await page.waitForTimeout(SETTLE_MS);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
}

/** CPU used by the whole browser over IDLE_MS, as a share of one core. */
async function idleCpu(browser, page) {
  await quiet(page);
  const before = await processUse(browser);
  const started = Date.now();
  await page.waitForTimeout(IDLE_MS);
  const after = await processUse(browser);
  return { cpu: (after.cpu - before.cpu) / ((Date.now() - started) / 1000), rss: after.rss };
}

/** An init script: the page's longest main-thread task so far, in window.__longest. */
export const LONG_TASKS = () => {
  window.__longest = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
  }).observe({ type: 'longtask', buffered: true });
};

/** Opens the app with `n` machines and waits for each one's prompt, read off its terminal. */
export async function openMachines(page, base, n) {
  await page.goto(`${base}/?lang=en&machines=${n}`);
  // A hidden tab's terminal is not drawn: each tab is shown in turn.
  for (let i = n; i >= 1; i--) {
    if (n > 1) await page.getByRole('tab', { name: new RegExp(`^pc${i}\\b`) }).click();
    await page
      .locator(`[role=tabpanel][aria-label="pc${i}"] .xterm-rows`)
      .getByText(`root@pc${i}:~#`)
      .waitFor({ timeout: 60_000 });
  }
}

/** The app with `n` machines at their prompts: idle CPU, memory, longest task while starting. */
export function appIdle(browser, base, n) {
  return inFreshPage(browser, async (page) => {
    await page.addInitScript(LONG_TASKS);
    await openMachines(page, base, n);
    const longestTaskMs = await page.evaluate(() => window.__longest);
    return { ...(await idleCpu(browser, page)), longestTaskMs };
  });
}

export function bareIdle(browser, base, n) {
  return inFreshPage(browser, async (page) => {
    await page.addInitScript(LONG_TASKS);
    await openBare(page, `${base}/bare/?state&machines=${n}`);
    await page.waitForFunction(() => window.bare?.allUp, null, { timeout: 60_000 });
    const longestTaskMs = await page.evaluate(() => window.__longest);
    return { ...(await idleCpu(browser, page)), longestTaskMs };
  });
}

/**
 * "Add machine" clicked → the new machine's shell has answered a command typed the moment its
 * prompt is there (page-timed, from the click's input event), and what the added machine costs
 * in memory once settled; then 10 machines added and removed, and the memory after.
 */
export function appSecondMachine(browser, base) {
  return inFreshPage(browser, async (page) => {
    await openApp(page, `${base}/?lang=en`);
    // A user reads the prompt before adding a machine: the lab has readied the next one by then.
    await page.waitForTimeout(READ_MS);
    await quiet(page);
    const start = await processUse(browser);
    const pane = (name) => page.locator(`[role=tabpanel][aria-label="${name}"]`);
    await page.evaluate(() => {
      new Promise((resolve) => {
        const add = [...document.querySelectorAll('button')].find((b) =>
          b.textContent.includes('Add machine'),
        );
        add.addEventListener(
          'pointerdown',
          (event) => {
            const clicked = event.timeStamp;
            const watch = new MutationObserver(() => {
              // Row by row, by text content: no layout forced at each change.
              const rows = document.querySelector('[role=tabpanel][aria-label="pc2"] .xterm-rows');
              const text = [...(rows?.children ?? [])].map((row) =>
                (row.textContent ?? '').replace(/\u00a0/g, ' '),
              );
              if (!window.__pc2Prompt && text.some((line) => line.includes('root@pc2:~#'))) {
                window.__pc2Prompt = performance.now() - clicked;
              }
              if (text.some((line) => /^42\s*$/.test(line))) {
                watch.disconnect();
                resolve({ prompt: window.__pc2Prompt, answer: performance.now() - clicked });
              }
            });
            watch.observe(document, { subtree: true, childList: true, characterData: true });
          },
          { once: true },
        );
      }).then((result) => (window.__added = result));
    });
    await page.getByRole('button', { name: 'Add machine' }).click();
    await pane('pc2').getByText('root@pc2:~#').waitFor({ timeout: 60_000 });
    // Its terminal has the keyboard (the new tab is selected): the keys go straight in.
    await page.keyboard.type(`${COMMAND}\n`);
    const { prompt, answer } = await (
      await page.waitForFunction(() => window.__added, null, { timeout: 60_000 })
    ).jsonValue();
    await quiet(page);
    const withTwo = await processUse(browser);

    // Added and removed ten times: the memory must come back.
    for (let i = 0; i < 10; i++) {
      await pane('pc2').getByRole('button', { name: 'Remove' }).click();
      await pane('pc2').waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Add machine' }).click();
      await pane('pc2').getByText('root@pc2:~#').waitFor({ timeout: 60_000 });
    }
    await pane('pc2').getByRole('button', { name: 'Remove' }).click();
    await pane('pc2').waitFor({ state: 'detached' });
    await quiet(page);
    const end = await processUse(browser);
    return {
      addToPrompt: prompt,
      addToAnswer: answer,
      addedBytes: withTwo.rss - start.rss,
      afterCycles: end.rss / start.rss,
    };
  });
}

export function bareSecondMachine(browser, base) {
  return inFreshPage(browser, async (page) => {
    await openBare(page, `${base}/bare/?state`);
    await page.waitForTimeout(READ_MS);
    await quiet(page);
    const start = await processUse(browser);
    const answer = await page.evaluate(() => window.bare.addMachine());
    await quiet(page);
    const withTwo = await processUse(browser);
    for (let i = 0; i < 10; i++) {
      await page.evaluate(() => window.bare.removeMachine());
      await page.evaluate(() => window.bare.restoreMachine());
    }
    await page.evaluate(() => window.bare.removeMachine());
    await quiet(page);
    const end = await processUse(browser);
    return {
      addToPrompt: NaN,
      addToAnswer: answer,
      addedBytes: withTwo.rss - start.rss,
      afterCycles: end.rss / start.rss,
    };
  });
}
