// Virtual networks, measured as a user feels them, beside a bare v86 page whose machines share
// v86's own in-page relay (bench/bare/: addresses set by hand, no switch, DHCP or packet view):
// - "Add machine" → the new machine has an address and has pinged the first;
// - ping round trips between two guests (virtio-net);
// - idle CPU of three machines ÷ one, and the longest main-thread task while three start;
// - a UDP flood: frames a second through the switch, frames the switch dropped, how often the
//   packet view redrew, the longest task meanwhile;
// - "Measure the network": NE2000 vs virtio-net (throughput, RTT, instructions per byte).
import { inFreshPage, openApp, openBare } from './pages.mjs';
import { appIdle, bareIdle, LONG_TASKS } from './machines.mjs';
import { median } from '../src/lib/metrics/stats.mjs';

const READ_MS = 3_000;
const PINGS = 20;
/**
 * The flood: 8 MiB over TCP from pc2 to pc1 as fast as the guests go (busybox has no `ping -f`,
 * and a 100 Hz guest kernel paces `ping -i` at 10 ms): thousands of frames a second, both ways.
 */
const FLOOD_LISTEN = 'nc -l -p 9999 > /dev/null';
const floodCommand = (to) =>
  `dd if=/dev/zero bs=65536 count=128 2>/dev/null > /tmp/flood; ` +
  `until nc ${to} 9999 < /tmp/flood; do sleep 0.1; done; printf 'flood-%s\\n' done`;
const MEASURE_MIB = 4;
/** awk over ping's output: the median of its "time=" figures, and how many there were. */
const MEDIAN =
  "sed -n 's/.*time=\\([0-9.]*\\) ms/\\1/p' | sort -n | " +
  'awk \'{v[NR]=$1} END{m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; print "rtt" "-median", m, NR}\'';

const pane = (page, name) => page.locator(`[role=tabpanel][aria-label="${name}"]`);
const addressCell = (page, name) =>
  page.locator(`table.cards tr[data-machine="${name}"] td.address`);

/** Waits until the lab shows an address for `name`'s guest; returns it (without the prefix). */
async function addressOf(page, name) {
  const cell = addressCell(page, name);
  await cell.filter({ hasText: /^\d+\.\d+\.\d+\.\d+\/\d+$/ }).waitFor({ timeout: 60_000 });
  return (await cell.innerText()).split('/')[0];
}

/**
 * Types into `name`'s terminal (its tab selected) and waits until its rows match `pattern`
 * (none: returns at once). The pattern must not match the command as typed.
 */
async function runIn(page, name, command, pattern, timeout = 120_000) {
  await page.getByRole('tab', { name: new RegExp(`^${name}\\b`) }).click();
  await pane(page, name).locator('.xterm-screen').click();
  await page.keyboard.type(`${command}\n`);
  const rows = pane(page, name).locator('.xterm-rows');
  if (!pattern) return '';
  await rows.filter({ hasText: pattern }).waitFor({ timeout });
  return (await rows.innerText()).replace(/\u00a0/g, ' ');
}

/** "Add machine" (pointerdown) → pc2 has an address and its `ping -c 1` to pc1 was answered. */
export function appAddAndPing(browser, base) {
  return inFreshPage(browser, async (page) => {
    await openApp(page, `${base}/?lang=en&tool=network`);
    const first = await addressOf(page, 'pc1');
    await page.waitForTimeout(READ_MS);
    await page.evaluate(() => {
      const add = [...document.querySelectorAll('button')].find((b) =>
        b.textContent.includes('Add machine'),
      );
      add.addEventListener(
        'pointerdown',
        (event) => {
          const clicked = event.timeStamp;
          const watch = new MutationObserver(() => {
            const rows = document.querySelector('[role=tabpanel][aria-label="pc2"] .xterm-rows');
            if (/1 packets received/.test(rows?.textContent ?? '')) {
              watch.disconnect();
              window.__pinged = performance.now() - clicked;
            }
          });
          watch.observe(document, { subtree: true, childList: true, characterData: true });
        },
        { once: true },
      );
    });
    await page.getByRole('button', { name: 'Add machine' }).click();
    await pane(page, 'pc2').getByText('root@pc2:~#').waitFor({ timeout: 60_000 });
    await addressOf(page, 'pc2');
    await page.keyboard.type(`ping -c 1 ${first}\n`);
    const ms = await (
      await page.waitForFunction(() => window.__pinged, null, { timeout: 60_000 })
    ).jsonValue();
    return { addToPing: ms };
  });
}

export function bareAddAndPing(browser, base) {
  return inFreshPage(browser, async (page) => {
    await openBare(page, `${base}/bare/?state`);
    await page.evaluate(() => window.bare.address(0));
    await page.waitForTimeout(READ_MS);
    return { addToPing: await page.evaluate(() => window.bare.addMachineAndPing()) };
  });
}

/** Median of a 20-ping series from pc2 to pc1, as the guest's ping reports each round trip. */
export function appRtt(browser, base) {
  return inFreshPage(browser, async (page) => {
    await page.goto(`${base}/?lang=en&machines=2&tool=network`);
    const first = await addressOf(page, 'pc1');
    await addressOf(page, 'pc2');
    // The guest reports the median itself: a line of 20 figures would wrap in the terminal.
    const out = await runIn(
      page,
      'pc2',
      `ping -c ${PINGS} -i 0.2 ${first} | ${MEDIAN}`,
      /rtt-median \d/,
    );
    const [, value, count] = /^rtt-median ([\d.]+) (\d+)/m.exec(out) ?? [];
    return { rttMs: Number(value), rttCount: Number(count) };
  });
}

export function bareRtt(browser, base) {
  return inFreshPage(browser, async (page) => {
    await openBare(page, `${base}/bare/?state&machines=2`);
    await page.waitForFunction(() => window.bare?.allUp, null, { timeout: 60_000 });
    const times = await page.evaluate(async (n) => {
      await window.bare.address(0);
      await window.bare.address(1);
      return window.bare.pingSeries(n);
    }, PINGS);
    return { rttMs: median(times), rttCount: times.length };
  });
}

/** Three idle machines ÷ one (whole browser CPU), and the longest task while three start. */
export async function appIdleThree(browser, base) {
  const one = await appIdle(browser, base, 1);
  const three = await appIdle(browser, base, 3);
  return { cpuThreeOverOne: three.cpu / one.cpu, longestThreeMs: three.longestTaskMs };
}

export async function bareIdleThree(browser, base) {
  const one = await bareIdle(browser, base, 1);
  const three = await bareIdle(browser, base, 3);
  return { cpuThreeOverOne: three.cpu / one.cpu, longestThreeMs: three.longestTaskMs };
}

/**
 * A UDP flood from pc2 to pc1 while the packet view shows LAN-A: frames a second the switch
 * carried, frames it dropped, the packet view's redraws a second, the longest task.
 */
export function appFlood(browser, base) {
  return inFreshPage(browser, async (page) => {
    await page.addInitScript(LONG_TASKS);
    await page.goto(`${base}/?lang=en&machines=2&tool=network`);
    const first = await addressOf(page, 'pc1');
    await addressOf(page, 'pc2');
    await page.locator('.packets').scrollIntoViewIfNeeded();
    const seen = () =>
      page.evaluate(() => {
        const text = document.querySelector('.packets .counts')?.textContent ?? '';
        return Number(/([\d,]+) seen/.exec(text)?.[1].replace(/,/g, '') ?? NaN);
      });
    // The commands are typed first (switching tabs draws a terminal); the flood is measured alone.
    await runIn(page, 'pc1', FLOOD_LISTEN, null);
    await runIn(page, 'pc2', floodCommand(first), null);
    const before = await seen();
    await page.evaluate(() => {
      window.__longest = 0;
      window.__redraws = 0;
      const counts = document.querySelector('.packets .counts');
      new MutationObserver(() => window.__redraws++).observe(counts, {
        subtree: true,
        childList: true,
        characterData: true,
      });
      window.__floodStart = performance.now();
    });
    await pane(page, 'pc2')
      .locator('.xterm-rows')
      .filter({ hasText: /flood-done/ })
      .waitFor({ timeout: 120_000 });
    const { ms, redraws, longest } = await page.evaluate(() => ({
      ms: performance.now() - window.__floodStart,
      redraws: window.__redraws,
      longest: window.__longest,
    }));
    await page.waitForTimeout(300); // the last redraw (at most 100 ms later) counts the last frames
    const frames = (await seen()) - before;
    const dropped = await page.evaluate(() => {
      const text = document.querySelector('[data-lan="LAN-A"] .dropped')?.textContent ?? '0';
      return Number(/([\d,]+)/.exec(text)?.[1].replace(/,/g, '') ?? 0);
    });
    return {
      floodFps: frames / (ms / 1000),
      floodDropped: dropped,
      viewFps: redraws / (ms / 1000),
      floodLongestMs: longest,
    };
  });
}

export function bareFlood(browser, base) {
  return inFreshPage(browser, async (page) => {
    await page.addInitScript(LONG_TASKS);
    await openBare(page, `${base}/bare/?state&machines=2`);
    await page.waitForFunction(() => window.bare?.allUp, null, { timeout: 60_000 });
    const flood = await page.evaluate(
      async ({ command, listen }) => {
        await window.bare.address(0);
        await window.bare.address(1);
        window.__longest = 0;
        window.bare.runOn(0, listen, 'never').catch(() => undefined);
        return window.bare.flood(command);
      },
      { command: floodCommand('10.0.9.1'), listen: FLOOD_LISTEN },
    );
    return {
      floodFps: flood.framesPerSecond,
      floodDropped: NaN,
      viewFps: NaN,
      floodLongestMs: await page.evaluate(() => window.__longest),
    };
  });
}

const number = (text) => Number(text.replace(/[^\d.]/g, ''));

/** "Measure the network" (4 MiB): NE2000 and virtio-net figures, read off the results table. */
export function appMeasure(browser, base) {
  return inFreshPage(browser, async (page) => {
    await page.goto(`${base}/?lang=en&machines=2&tool=network`);
    await addressOf(page, 'pc1');
    await addressOf(page, 'pc2');
    await page
      .getByRole('toolbar', { name: 'Tools' })
      .getByRole('button', { name: 'Network measurement' })
      .click();
    await page.getByLabel('Transfer size').selectOption(String(MEASURE_MIB));
    await page.getByRole('button', { name: 'Measure the network' }).click();
    const table = page.getByRole('table', { name: 'Measure the network' });
    const figures = {};
    for (const kind of ['ne2k', 'virtio']) {
      const row = table.locator(`tr[data-kind="${kind}"]`);
      await row.waitFor({ timeout: 300_000 });
      if ((await row.locator('.checksum').innerText()) !== 'equal') {
        throw new Error(`${kind}: the checksums differ`);
      }
      figures[`${kind}Throughput`] = number(await row.locator('.throughput').innerText());
      figures[`${kind}Rtt`] = number(await row.locator('.rtt').innerText());
      figures[`${kind}Ipb`] = number(await row.locator('.ipb').innerText());
    }
    return figures;
  });
}

export async function bareMeasure(browser, base) {
  const figures = {};
  for (const kind of ['ne2k', 'virtio']) {
    await inFreshPage(browser, async (page) => {
      await openBare(page, `${base}/bare/?state&machines=2&nic=${kind}`);
      await page.waitForFunction(() => window.bare?.allUp, null, { timeout: 60_000 });
      const { times, transfer } = await page.evaluate(
        async ([n, mib]) => {
          await window.bare.address(0);
          await window.bare.address(1);
          const times = await window.bare.pingSeries(n);
          return { times, transfer: await window.bare.transfer(mib) };
        },
        [PINGS, MEASURE_MIB],
      );
      if (!transfer.checksumsEqual) throw new Error(`${kind}: the checksums differ`);
      figures[`${kind}Throughput`] = transfer.throughputMBps;
      figures[`${kind}Rtt`] = median(times);
      figures[`${kind}Ipb`] = transfer.instructionsPerByte;
    });
  }
  return figures;
}
