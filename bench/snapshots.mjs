// Snapshot figures for npm run bench, measured from the test driver the same way for the app
// (clicks in its snapshot panel) and for the bare page (v86's save_state / restore_state with the
// raw state kept in memory).

const now = () => performance.now();

/**
 * The app's IndexedDB store in one walk: the bytes of all chunks, and the storedSize of the
 * newest snapshot (its chunks, compressed; shared ones counted in full; the base left out).
 */
function readStore(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('aula86-snapshots');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          let chunkBytes = 0;
          let newest = null;
          const cursor = open.result.transaction('data').objectStore('data').openCursor();
          cursor.onsuccess = () => {
            const c = cursor.result;
            if (!c) return resolve({ chunkBytes, newestSnapshot: newest?.storedSize ?? NaN });
            const key = String(c.key);
            if (key.startsWith('chunk:')) chunkBytes += c.value.byteLength;
            else if (key.startsWith('meta:') && c.value.kind !== 'base') {
              if (!newest || c.value.createdAt > newest.createdAt) newest = c.value;
            }
            c.continue();
          };
        };
      }),
  );
}

async function typeAndWait(page, command, expected) {
  await page.keyboard.type(`${command}\n`);
  await page.waitForFunction(
    (text) => document.querySelector('.xterm-rows')?.textContent?.includes(text),
    expected,
    { polling: 5 },
  );
}

export async function appSnapshots(page) {
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  // The Snapshots pane lists them (the page was opened with ?tool=snapshots); Save and the news
  // are in the strip under the terminal.
  const panel = page.getByRole('region', { name: 'Snapshots' });
  const strip = page.getByRole('group', { name: 'Latest snapshots' });
  const entries = panel.getByRole('list', { name: 'Snapshots' }).getByRole('listitem');
  // The lab is idle: it has stored its pre-booted state's chunks (once per browser, ~1 s after
  // the first start), which later snapshots share.
  await page.locator('[data-base-ready="true"]').waitFor({ timeout: 30_000 });
  const baseBytes = (await readStore(page)).chunkBytes;
  await page.locator('.xterm-screen').click();

  const t = now();
  await strip.getByRole('button', { name: 'Save snapshot' }).click();
  await entries.first().waitFor();
  const saveMs = now() - t;
  const longestTaskMs = await page.evaluate(() => Math.max(0, ...window.__longTasks));
  const afterFirst = await readStore(page);
  const firstBytes = afterFirst.newestSnapshot;
  const firstAddedBytes = afterFirst.chunkBytes - baseBytes;

  await page.locator('.xterm-screen').click();
  await typeAndWait(page, 'ls -l /bin > /tmp/list; echo step-$((40+2))', 'step-42');
  await strip.getByRole('button', { name: 'Save snapshot' }).click();
  await entries.nth(1).waitFor();
  const secondAddedBytes = (await readStore(page)).chunkBytes - afterFirst.chunkBytes;

  /** ms from a click on the entry's Restore to the restored shell answering `command`. */
  const timeRestore = async (entry, command, expected) => {
    await page.locator('.xterm-screen').click();
    const started = now();
    await entry.getByRole('button', { name: 'Restore' }).click();
    await strip
      .getByRole('status')
      .filter({ hasText: /^Restored/ })
      .waitFor();
    await page.locator('.xterm-screen').click();
    await typeAndWait(page, command, expected);
    return now() - started;
  };
  const restoreMs = await timeRestore(entries.last(), 'echo pong-$((6*7))', 'pong-42');
  // The lesson's usual way: restore the snapshot saved last (kept in memory since its save).
  const restoreLatestMs = await timeRestore(entries.first(), 'echo ping-$((6*8))', 'ping-48');
  return {
    saveMs,
    restoreMs,
    restoreLatestMs,
    firstBytes,
    baseBytes,
    firstAddedBytes,
    secondAddedBytes,
    longestTaskMs,
  };
}

export async function bareSnapshots(page) {
  let t = now();
  const rawBytes = await page.evaluate(async () => {
    window.__state = await window.bare.emulator.save_state();
    return window.__state.byteLength;
  });
  const saveMs = now() - t;
  t = now();
  await page.evaluate(async () => {
    await window.bare.emulator.restore_state(window.__state);
    window.bare.emulator.serial0_send('echo pong-$((6*7))\n');
  });
  await page.waitForFunction(() => window.bare.text().includes('pong-42'), null, { polling: 5 });
  const restoreMs = now() - t;
  return {
    saveMs,
    restoreMs,
    restoreLatestMs: restoreMs,
    firstBytes: rawBytes,
    baseBytes: NaN,
    firstAddedBytes: rawBytes,
    secondAddedBytes: rawBytes,
    longestTaskMs: NaN,
  };
}
