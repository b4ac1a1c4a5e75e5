// Other guests, measured as a user feels them, beside a bare v86 page (bench/bare/):
// - the screen guest: pre-booted state → its screen shows the prompt; how many distinct
//   pictures a second the screen shows while text scrolls, and the longest main-thread task
//   meanwhile (the lab draws frames its worker sends; bare v86 draws on the page's main thread);
// - adding a 50 MB ISO: "Replace pc1 with it" → stored and booting (its first picture), and the JS heap
//   growth meanwhile (bare: v86 given the File as its CD-ROM, nothing stored);
// - the shared folder (9p): 16 MiB in (sent → the guest has read it) and out (the guest copies
//   it → downloaded), checksums compared.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inFreshPage, openApp, openBare } from './pages.mjs';
import { LONG_TASKS } from './machines.mjs';

const SCROLL_MS = 3_000;
/** After the prompt the lab readies the next machine and stores the snapshots' base: a user
 * reading the screen first scrolls once that is done. */
const SETTLE_MS = 6_000;
const ISO_MB = 50;
const SHARED_MIB = 16;

/**
 * Pictures a second for `ms`: the lab counts the pictures its screen view drew (data-frames);
 * the bare page's screen is text in the DOM, so there the distinct texts seen frame by frame.
 */
const COUNT_PICTURES = ([kind, ms]) =>
  new Promise((resolve) => {
    const read =
      kind === 'bare'
        ? () => window.bare.screenText()
        : () => document.querySelector('[data-testid=screen]').dataset.frames;
    let last = read();
    let pictures = 0;
    window.__longest = 0;
    const started = performance.now();
    const tick = () => {
      const now = read();
      if (now !== last) pictures += kind === 'bare' ? 1 : Number(now) - Number(last);
      last = now;
      if (performance.now() - started < ms) requestAnimationFrame(tick);
      else resolve(pictures / (ms / 1000));
    };
    requestAnimationFrame(tick);
  });

/** An init script: marks the moment the screen text first shows the prompt. */
const MARK_SCREEN_PROMPT = () => {
  const check = () => {
    const text =
      document.querySelector('[data-testid=screen-text]')?.textContent ??
      window.bare?.screenText?.() ??
      '';
    if (/root@pc1:~# ?$/m.test(text)) {
      performance.mark('screen-prompt');
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
};

const markGap = (page, from, to) =>
  page.evaluate(
    ([a, b]) => {
      const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
      return { gap: at(b) - at(a), nav: at(b) };
    },
    [from, to],
  );

/**
 * The screen guest in a fresh page that `open` opened: the time from `newMark` until its screen
 * shows the prompt; then, once the page has settled, pictures a second and the longest task
 * while the text that `scroll` started scrolls.
 */
function measureScreen(browser, { kind, open, newMark, scroll }) {
  return inFreshPage(browser, async (page) => {
    await page.addInitScript(LONG_TASKS);
    await page.addInitScript(MARK_SCREEN_PROMPT);
    await open(page);
    await page.waitForFunction(
      () => performance.getEntriesByName('screen-prompt').length > 0,
      null,
      { timeout: 60_000 },
    );
    const { gap, nav } = await markGap(page, newMark, 'screen-prompt');
    await page.waitForTimeout(SETTLE_MS);
    await scroll(page);
    const fps = await page.evaluate(COUNT_PICTURES, [kind, SCROLL_MS]);
    const longest = await page.evaluate(() => window.__longest);
    return {
      screenPromptMs: gap,
      navToScreenPromptMs: nav,
      scrollFps: fps,
      scrollLongestMs: longest,
    };
  });
}

export const appScreen = (browser, base) =>
  measureScreen(browser, {
    kind: 'app',
    open: (page) => page.goto(`${base}/?lang=en&profile=tiny-screen`),
    newMark: 'aula86:new-v86',
    scroll: async (page) => {
      await page.getByRole('application', { name: 'Screen of pc1' }).click();
      await page.keyboard.type('seq 1 200000');
      await page.keyboard.press('Enter');
    },
  });

export const bareScreen = (browser, base) =>
  measureScreen(browser, {
    kind: 'bare',
    open: (page) => openBare(page, `${base}/bare/?state&profile=tiny-screen`),
    newMark: 'new-v86',
    scroll: (page) =>
      page.evaluate(() => window.bare.emulator.keyboard_send_text('seq 1 200000\n')),
  });

/** Runs `use(dir)` with a new temporary folder, removed afterwards whatever happens. */
async function inTempDir(prefix, use) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    return await use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The lab's test ISO padded to 50 MB (the padding lies past the ISO's volume: it still boots). */
function fiftyMegabyteIso(dir) {
  const iso = readFileSync(new URL('../e2e/fixtures/aula86-live.iso', import.meta.url));
  const padded = Buffer.alloc(ISO_MB * 1_000_000);
  iso.copy(padded);
  const path = join(dir, 'curso-50mb.iso');
  writeFileSync(path, padded);
  return path;
}

async function collectGarbage(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
}

/** Samples the heap every 20 ms into window.__heapPeak (above window.__heapBase). */
const SAMPLE_HEAP = () => {
  window.__heapBase = performance.memory.usedJSHeapSize;
  window.__heapPeak = window.__heapBase;
  window.__heapTimer = setInterval(() => {
    window.__heapPeak = Math.max(window.__heapPeak, performance.memory.usedJSHeapSize);
  }, 20);
};

export function appIso(browser, base) {
  return inTempDir('aula86-iso-', (dir) => appIsoIn(browser, base, dir));
}

function appIsoIn(browser, base, dir) {
  return inFreshPage(browser, async (page) => {
    await openApp(page, `${base}/?lang=en&tool=add`);
    await page.waitForTimeout(SETTLE_MS);
    await page.getByTestId('image-input').setInputFiles(fiftyMegabyteIso(dir));
    await page.getByRole('button', { name: 'Replace pc1 with it' }).waitFor();
    await collectGarbage(page);
    await page.evaluate(SAMPLE_HEAP);
    const add = page.getByRole('button', { name: 'Replace pc1 with it' });
    await add.evaluate((button) =>
      button.addEventListener('pointerdown', () => performance.mark('add-clicked'), { once: true }),
    );
    await add.click();
    // Stored, and the machine powered on with it: its screen shows the BIOS's first text.
    await page.waitForFunction(
      () => {
        // (pc1's own guest has no screen: a screen showing SeaBIOS is the ISO's machine)
        const text = document.querySelector('[data-testid=screen-text]')?.textContent ?? '';
        if (!text.includes('SeaBIOS')) return false;
        performance.mark('iso-booting');
        return true;
      },
      null,
      { timeout: 60_000, polling: 'raf' },
    );
    const { gap } = await markGap(page, 'add-clicked', 'iso-booting');
    const heapGrowth = await page.evaluate(() => {
      clearInterval(window.__heapTimer);
      return window.__heapPeak - window.__heapBase;
    });
    return { isoAddMs: gap, isoHeapGrowth: heapGrowth };
  });
}

export function bareIso(browser, base) {
  return inTempDir('aula86-iso-', (dir) =>
    inFreshPage(browser, async (page) => {
      await page.goto(`${base}/bare/iso.html`);
      await page.waitForFunction(() => window.isoBench?.ready, null, { timeout: 60_000 });
      await page.locator('#iso').setInputFiles(fiftyMegabyteIso(dir));
      await collectGarbage(page);
      const { ms, heapGrowth } = await page.evaluate(() => window.isoBench.boot('SeaBIOS'));
      return { isoAddMs: ms, isoHeapGrowth: heapGrowth };
    }),
  );
}

/** Types into the terminal and waits for `pattern` in its rows. */
async function typeAndWait(page, command, pattern) {
  await page.locator('.xterm-screen').click();
  await page.keyboard.type(`${command}\n`);
  await page.locator('.xterm-rows').filter({ hasText: pattern }).waitFor({ timeout: 120_000 });
  return page.locator('.xterm-rows').innerText();
}

export function appShared(browser, base) {
  return inTempDir('aula86-9p-', (dir) => appSharedIn(browser, base, dir));
}

function appSharedIn(browser, base, dir) {
  return inFreshPage(browser, async (page) => {
    await openApp(page, `${base}/?lang=en&tool=shared`);
    await page.waitForTimeout(SETTLE_MS);
    const bytes = randomBytes(SHARED_MIB * 2 ** 20);
    const sent = createHash('sha256').update(bytes).digest('hex');
    const path = join(dir, 'big.bin');
    writeFileSync(path, bytes);
    // The commands are typed first (typing is not the transfer), each run by its Enter.
    await page.locator('.xterm-screen').click();
    await page.keyboard.type('cat /mnt/host/big.bin > /dev/null; echo in-"done"');
    const input = page.getByTestId('shared-input');
    await input.evaluate((el) =>
      el.addEventListener('change', () => performance.mark('files-chosen'), { once: true }),
    );
    await input.setInputFiles(path);
    await page.getByText('big.bin is in /mnt/host of pc1.').waitFor({ timeout: 60_000 });
    await page.locator('.xterm-screen').click();
    await page.keyboard.press('Enter');
    await page.locator('.xterm-rows').filter({ hasText: 'in-done' }).waitFor({ timeout: 120_000 });
    const inMs = await page.evaluate(
      () => performance.now() - performance.getEntriesByName('files-chosen')[0].startTime,
    );
    const shown = await typeAndWait(page, 'clear; sha256sum /mnt/host/big.bin', /[0-9a-f]{64}/);
    const guest = /([0-9a-f]{64})/.exec(shown)?.[1];

    await page.keyboard.type('clear; cp /mnt/host/big.bin /mnt/host/back.bin; echo out-"done"');
    const started = Date.now();
    await page.keyboard.press('Enter');
    await page.locator('.xterm-rows').filter({ hasText: 'out-done' }).waitFor({ timeout: 120_000 });
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download “back.bin”' }).click({ timeout: 10_000 });
    const download = await downloading;
    const back = readFileSync(await download.path());
    const outMs = Date.now() - started;
    const equal = guest === sent && createHash('sha256').update(back).digest('hex') === sent;
    return { sharedInMs: inMs, sharedOutMs: outMs, sharedEqual: equal ? 1 : 0 };
  });
}

export function bareShared(browser, base) {
  return inFreshPage(browser, async (page) => {
    await openBare(page, `${base}/bare/?state`);
    await page.waitForTimeout(SETTLE_MS);
    const { inMs, outMs, equal } = await page.evaluate(
      (mib) => window.bare.sharedRoundTrip(mib),
      SHARED_MIB,
    );
    return { sharedInMs: inMs, sharedOutMs: outMs, sharedEqual: equal ? 1 : 0 };
  });
}
