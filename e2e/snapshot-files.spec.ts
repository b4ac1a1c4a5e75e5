// Lesson 6: a snapshot can leave the browser as a file, and only a sound, matching file comes back.
import { expect, test } from '@playwright/test';
import { Lab } from './lab';
import { editedSnapshotFile, SnapshotPanel } from './snapshots';

test('export, delete, import, restore', async ({ page }) => {
  const lab = new Lab(page);
  const snapshots = new SnapshotPanel(page);
  await lab.bootToShell();
  await lab.run('echo travelled > /root/trip.txt', /travelled/);
  const name = await snapshots.save();
  const file = await snapshots.exportFile(name);

  await snapshots.entry(name).getByRole('button', { name: 'Delete' }).click();
  await expect(snapshots.entries()).toHaveCount(0);
  await lab.run('rm /root/trip.txt && echo trip-removed', /^trip-removed$/m);

  await snapshots.importFile({ name: 'trip.aula86snap', buffer: file });
  await expect(snapshots.entry(name)).toBeVisible();
  await snapshots.restore(name);
  await lab.run('clear; cat /root/trip.txt', /^travelled$/m);
});

test('bad files are refused with a reason, and saved snapshots still restore', async ({ page }) => {
  const lab = new Lab(page);
  const snapshots = new SnapshotPanel(page);
  await lab.bootToShell();
  await lab.run('echo safe > /root/safe.txt', /safe/);
  const name = await snapshots.save();
  const good = await snapshots.exportFile(name);

  const cases: Array<[string, Buffer, RegExp]> = [
    ['notes.aula86snap', Buffer.from('just some text, not a snapshot'), /not an aula86 snapshot/],
    ['cut.aula86snap', good.subarray(0, good.length - 1000), /incomplete \(it was cut short\)/],
    [
      'damaged.aula86snap',
      (() => {
        const copy = Buffer.from(good);
        copy.writeUInt8(copy.readUInt8(copy.length - 200) ^ 0xff, copy.length - 200);
        return copy;
      })(),
      /damaged/,
    ],
    [
      'old-v86.aula86snap',
      editedSnapshotFile(good, (h) => (h.meta['v86Version'] = '0.5.100')),
      /saved with v86 0\.5\.100 and this lab runs v86 0\.5\.462/,
    ],
    [
      'other-guest.aula86snap',
      editedSnapshotFile(good, (h) => {
        h.meta['profileId'] = 'debian';
        h.meta['memoryBytes'] = 256 * 1024 * 1024;
      }),
      /guest “debian”.*256 MB of memory and this machine has 32 MB/,
    ],
  ];
  for (const [fileName, buffer, reason] of cases) {
    await snapshots.importFile({ name: fileName, buffer });
    await expect(snapshots.error()).toContainText(reason);
  }
  await expect(snapshots.entries()).toHaveCount(1);

  await lab.run('rm /root/safe.txt && echo safe-removed', /^safe-removed$/m);
  await snapshots.restore(name);
  await lab.run('clear; cat /root/safe.txt', /^safe$/m);
});

test('a save that runs out of storage fails clearly and loses nothing', async ({ page }) => {
  // Chromium does not enforce an overridden quota on IndexedDB writes, so the storage layer is
  // made to fail the way a full disk does: the write of a snapshot throws QuotaExceededError.
  await page.addInitScript(() => {
    type Put = (this: IDBObjectStore, value: unknown, key?: IDBValidKey) => IDBRequest<IDBValidKey>;
    const put = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, 'put')!.value as Put;
    IDBObjectStore.prototype.put = function (value: unknown, key?: IDBValidKey) {
      const full = (window as { diskFull?: boolean }).diskFull;
      if (full && typeof key === 'string' && key.startsWith('meta:')) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return put.call(this, value, key);
    };
  });
  const lab = new Lab(page);
  const snapshots = new SnapshotPanel(page);
  await lab.bootToShell();
  await lab.run('echo first > /root/first.txt', /first/);
  const name = await snapshots.save();

  await page.evaluate(() => ((window as { diskFull?: boolean }).diskFull = true));
  await lab.run('echo second > /root/second.txt && echo second-written', /^second-written$/m);
  await page.getByRole('button', { name: 'Save snapshot' }).click();
  await expect(snapshots.error()).toContainText('not enough storage space');
  await expect(snapshots.error()).toContainText('the snapshots already saved are intact');
  await expect(snapshots.entries()).toHaveCount(1);

  await page.evaluate(() => ((window as { diskFull?: boolean }).diskFull = false));
  await lab.run('rm /root/first.txt && echo first-removed', /^first-removed$/m);
  await snapshots.restore(name);
  await lab.run('clear; cat /root/first.txt', /^first$/m);
});

test('rename a snapshot, and import one by dropping its file on the panel', async ({ page }) => {
  const lab = new Lab(page);
  const snapshots = new SnapshotPanel(page);
  await lab.bootToShell();
  const name = await snapshots.save();

  await snapshots.entry(name).getByRole('button', { name: 'Rename' }).click();
  await snapshots.panel.getByLabel('Snapshot name').fill('Before the fork bomb');
  await snapshots.panel.getByRole('button', { name: 'Save name' }).click();
  await expect(snapshots.entry('Before the fork bomb')).toBeVisible();
  const file = await snapshots.exportFile('Before the fork bomb');

  await snapshots.entry('Before the fork bomb').getByRole('button', { name: 'Delete' }).click();
  await expect(snapshots.entries()).toHaveCount(0);
  // (built from base64 in the page: the lab's CSP allows no fetch of data: URLs)
  const dataTransfer = await page.evaluateHandle((base64: string) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], 'dropped.aula86snap'));
    return transfer;
  }, file.toString('base64'));
  await snapshots.panel.dispatchEvent('dragover', { dataTransfer });
  await snapshots.panel.dispatchEvent('drop', { dataTransfer });
  await expect(snapshots.entry('Before the fork bomb')).toBeVisible();
  await page.reload();
  await lab.waitForPrompt();
  await expect(snapshots.entry('Before the fork bomb')).toBeVisible();
});
