// Lesson: what the lab does not trust. Another page of the same origin floods a switch's channel
// with junk; a disk error damages the stored snapshots; the browser's storage fills up while its
// estimate says there is room. Each time the lab goes on, says what happened, and loses nothing.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { Lab } from './lab';
import { SnapshotPanel } from './snapshots';

const iso = readFileSync(new URL('./fixtures/aula86-live.iso', import.meta.url));

test(
  'a page of the same origin flooding a switch channel neither freezes the lab nor reaches its guests',
  { tag: '@timed' },
  async ({ page, context }) => {
    const lab = new Lab(page);
    await lab.bootToShell();
    // The lab is settled (its switches' link to other tabs listens since well before): a flood
    // sent earlier would reach no one, and test nothing.
    await expect(page.locator('[data-base-ready=true]')).toBeAttached();
    await page.evaluate(() => {
      const w = window as unknown as { longestTask: number };
      w.longestTask = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          w.longestTask = Math.max(w.longestTask, entry.duration);
      }).observe({ type: 'longtask' });
    });

    // Any document of the lab's origin can speak on its channels: this one sends 200,000 messages,
    // some not frames at all, some longer than any Ethernet frame.
    const rogue = await context.newPage();
    await rogue.goto('/icons/icon.svg');
    const flood = rogue.evaluate(() => {
      const channel = new BroadcastChannel('aula86-switch:LAN-A');
      channel.postMessage(null);
      for (let i = 0; i < 200_000; i++) {
        const junk = i % 1000 === 0;
        channel.postMessage({ from: 'rogue', bytes: new Uint8Array(junk ? 65_535 : 60) });
      }
    });

    // The shell answers while it floods (before the fix the page froze for most of a minute).
    const typed = Date.now();
    await lab.run('echo $((6*7))', /^42$/m);
    expect(Date.now() - typed).toBeLessThan(5_000);
    await flood;

    await lab.openTool('Network');
    const network = page.getByRole('region', { name: 'Network' });
    await expect(network.getByRole('status').filter({ hasText: /other tabs/ })).toHaveText(
      /^Refused from the lab's other tabs: [1-9][\d,]* messages that were not frames, [1-9][\d,]* frames over the limit; flooded, the link to them rested (1 time|[2-9]\d* times|1\d+ times) for 3 s\.$/,
    );
    const longest = await page.evaluate(
      () => (window as unknown as { longestTask: number }).longestTask,
    );
    expect(longest).toBeLessThan(500);
  },
);

test('a chunk damaged on disk is written again by the next save, and that snapshot restores', async ({
  page,
}) => {
  const lab = new Lab(page);
  await lab.bootToShell();
  const snapshots = new SnapshotPanel(page);
  await expect(snapshots.quick).toHaveAttribute('data-base-ready', 'true');

  // Between two visits a disk error damages every stored chunk (the pre-booted state's).
  const damaged = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('aula86-snapshots');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(new Error(String(open.error)));
    });
    const store = db.transaction('data', 'readwrite').objectStore('data');
    const keys = await new Promise<IDBValidKey[]>((resolve) => {
      const request = store.getAllKeys();
      request.onsuccess = () => resolve(request.result);
    });
    const chunks = keys.filter((k) => typeof k === 'string' && k.startsWith('chunk:'));
    for (const key of chunks) store.put(new Uint8Array([1, 2, 3, 4]), key);
    await new Promise((resolve) => (store.transaction.oncomplete = resolve));
    db.close();
    return chunks.length;
  });
  expect(damaged).toBeGreaterThan(0);
  await page.reload();
  await lab.waitForPrompt();
  await expect(snapshots.quick).toHaveAttribute('data-base-ready', 'true');

  await lab.run('echo kept > /root/marker; cat /root/marker', /^kept$/m);
  const first = await snapshots.save();
  // The lab keeps the latest save in memory: a second one makes the first come from the disk.
  await snapshots.save();
  await lab.run('rm /root/marker; cat /root/marker', /No such file or directory/);
  await snapshots.restore(first);
  await lab.run('tr a-z A-Z < /root/marker', /^KEPT$/m);
});

test('storage that runs out while the estimate says there is room: the image is refused with the figures, nothing lost', async ({
  page,
  baseURL,
}) => {
  // The browser lets this origin store 2 MB, while its estimate (as in a private window) says
  // gigabytes are free: the lab's check before writing cannot see it coming.
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(baseURL!).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 2 * 2 ** 20 });
  const lab = new Lab(page);
  await lab.bootToShell('lang=en&tool=add');
  const estimate = await page.evaluate(() => navigator.storage.estimate());
  expect(estimate.quota).toBeGreaterThan(1e9);

  const panel = page.getByRole('region', { name: 'Add a guest' });
  await panel.getByTestId('image-input').setInputFiles({
    name: 'aula86-live.iso',
    mimeType: 'application/octet-stream',
    buffer: iso,
  });
  await page.getByRole('button', { name: 'Boot in a new machine' }).click();
  await expect(panel.getByRole('alert')).toHaveText(
    /^The browser refused to store more after 0 MB of 4 MB: this site's storage is full, though the browser estimated [\d,]+ MB free \(a private window allows far less\)\. Delete guests or snapshots you no longer need\. Nothing of this image was kept\.$/,
  );
  // Nothing of it was kept, and the machine runs on as it was.
  await expect(page.getByRole('list', { name: 'Your guests' })).toBeHidden();
  await expect(lab.status).toContainText('Running');
  await lab.run('echo still $((6*7))', /^still 42$/m);
});
