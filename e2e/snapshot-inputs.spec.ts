// Lesson: whatever arrives as a snapshot, a file from a stranger or a record damaged on disk, is
// checked before it is used; a bad one is refused with its reason and never hides the good ones.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { Lab } from './lab';
import { editedSnapshotFile, SnapshotPanel } from './snapshots';
import { editSnapshotRecord } from './storedSnapshots';

test('crafted files are refused with their reason; names are cleaned and kept unique', async ({
  page,
}) => {
  const lab = new Lab(page);
  const snapshots = new SnapshotPanel(page);
  await lab.bootToShell();
  const name = await snapshots.save();
  await snapshots.rename(name, 'Lesson 1');
  await expect(snapshots.entry('Lesson 1')).toBeVisible();
  const good = await snapshots.exportFile('Lesson 1');

  // A payload that inflates to 200 MB, more than the state it declares.
  const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024), { level: 1 });
  const cases: Array<[string, Buffer, RegExp]> = [
    ['two-more.aula86snap', Buffer.concat([good, Buffer.from([0, 0])]), /2 bytes more after/],
    [
      'far-future.aula86snap',
      editedSnapshotFile(good, (h) => (h.meta['createdAt'] = 2 ** 53 - 1)),
      /damaged or was changed \(createdAt: must be at most/,
    ],
    [
      'bomb.aula86snap',
      editedSnapshotFile(good, () => {}, bomb),
      /inflates to more than the size it declares/,
    ],
  ];
  for (const [fileName, buffer, reason] of cases) {
    await snapshots.importFile({ name: fileName, buffer });
    await expect(snapshots.error()).toContainText(reason);
  }
  await expect(snapshots.entries()).toHaveCount(1);

  // A name that reads backwards (U+202E), the same as one already listed once cleaned.
  const spoofed = editedSnapshotFile(good, (h) => (h.meta['name'] = '  Lesson\u202E 1 '));
  await snapshots.importFile({ name: 'spoofed.aula86snap', buffer: spoofed });
  await expect(snapshots.entry('Lesson 1 (2)')).toBeVisible();
  await expect(snapshots.entries()).toHaveCount(2);
  await expect(snapshots.list).not.toContainText('\u202E');
});

test('a state the emulator rejects stops the machine with the reason, not "Running"', async ({
  page,
}) => {
  const lab = new Lab(page);
  const snapshots = new SnapshotPanel(page);
  await lab.bootToShell();
  const name = await snapshots.save();
  const good = await snapshots.exportFile(name);

  // A file whose checksums are right, but whose state is not one v86 can load.
  const garbage = Buffer.alloc(4096, 0x5a);
  const crafted = editedSnapshotFile(
    good,
    (h) => {
      h.meta['name'] = 'Not a machine';
      h.meta['stateSize'] = garbage.length;
      h.meta['stateSha256'] = createHash('sha256').update(garbage).digest('hex');
    },
    gzipSync(garbage),
  );
  await snapshots.importFile({ name: 'crafted.aula86snap', buffer: crafted });
  await expect(snapshots.entry('Not a machine')).toBeVisible();
  await snapshots.entry('Not a machine').getByRole('button', { name: 'Restore' }).click();

  await expect(lab.status).toContainText('Error');
  const machineError = lab.alert.filter({ hasText: 'The emulator could not load the saved state' });
  await expect(machineError).toBeVisible();
  // "Try again" starts the machine afresh; the snapshots are kept.
  await machineError.getByRole('button', { name: 'Try again' }).click();
  await lab.waitForPrompt();
  await expect(snapshots.entry(name)).toBeVisible();
});

test('a damaged record is listed as such beside the good snapshots, and can be deleted', async ({
  page,
}) => {
  const lab = new Lab(page);
  const snapshots = new SnapshotPanel(page);
  await lab.bootToShell();
  await lab.run('echo good > /root/good; cat /root/good', /^good$/m);
  const name = await snapshots.save();

  // A record with a date no calendar holds, as a bug or a hand-edited database could leave.
  await editSnapshotRecord(page, {
    name: null,
    fields: { id: 'bad', createdAt: 2 ** 53 - 1, name: 'bad' },
    copyAs: 'bad',
  });
  await page.reload();
  await lab.waitForPrompt();
  await expect(snapshots.entry(name)).toBeVisible();
  const damaged = snapshots.entry('Damaged record');
  await expect(damaged).toContainText('createdAt: must be at most');

  await damaged.getByRole('button', { name: 'Delete' }).click();
  await expect(damaged).toHaveCount(0);
  await expect(snapshots.entries()).toHaveCount(1);
  // (the reload started a fresh machine: the file is back only with the snapshot)
  await snapshots.restore(name);
  await lab.run('clear; cat /root/good', /^good$/m);
});

test('an empty name is refused with the reason; a taken name gets a suffix', async ({ page }) => {
  const lab = new Lab(page);
  const snapshots = new SnapshotPanel(page);
  await lab.bootToShell();
  const first = await snapshots.save();
  await snapshots.rename(first, 'Lesson 2');
  await expect(snapshots.entry('Lesson 2')).toBeVisible();

  await snapshots.rename('Lesson 2', '   ');
  await expect(snapshots.error()).toHaveText('A snapshot needs a name: the name was not changed.');
  await expect(snapshots.entry('Lesson 2')).toBeVisible();

  const second = await snapshots.save();
  await snapshots.rename(second, ' Lesson 2 ');
  await expect(snapshots.entry('Lesson 2 (2)')).toBeVisible();
  await expect(snapshots.news).toContainText(
    'Another snapshot has that name, so this one is called “Lesson 2 (2)”.',
  );
});

test('renaming in one tab a snapshot another tab deleted does not bring it back', async ({
  context,
}) => {
  const [pageA, pageB] = [await context.newPage(), await context.newPage()];
  // Tab B misses the other tab's news (asleep in the background, say): its list goes stale.
  await pageB.addInitScript(() => {
    BroadcastChannel.prototype.addEventListener = () => {};
    Object.defineProperty(BroadcastChannel.prototype, 'onmessage', { set() {}, get: () => null });
  });
  const [labA, labB] = [new Lab(pageA), new Lab(pageB)];
  await labA.bootToShell();
  const [snapsA, snapsB] = [new SnapshotPanel(pageA), new SnapshotPanel(pageB)];
  const name = await snapsA.save();
  await labB.bootToShell();
  await expect(snapsB.entry(name)).toBeVisible();
  // Tab B has stored its base and read its list since: from here on, only news would change it.
  await expect(snapsB.quick).toHaveAttribute('data-base-ready', 'true');

  // Tab A deletes the snapshot; tab B, still listing it, renames it.
  await snapsA.entry(name).getByRole('button', { name: 'Delete' }).click();
  await expect(snapsA.entries()).toHaveCount(0);
  await snapsB.rename(name, 'Renamed too late');

  await expect(snapsB.error()).toContainText('no longer there');
  await expect(snapsB.entries()).toHaveCount(0);
  await pageA.reload();
  await labA.waitForPrompt();
  await expect(snapsA.panel.getByText('No snapshots yet')).toBeVisible();
});

test('the storage line follows every save, import and delete', async ({ page }) => {
  const lab = new Lab(page);
  const snapshots = new SnapshotPanel(page);
  const usage = page.getByTestId('snapshot-usage');
  await lab.bootToShell();
  await snapshots.show();
  // Once the pre-booted state's chunks are stored (they are shared by every snapshot).
  await expect(snapshots.quick).toHaveAttribute('data-base-ready', 'true');
  await expect(usage).not.toHaveText(/^Snapshot storage: 0 bytes/);
  const before = await usage.innerText();

  // Enough new memory contents that the snapshot stores chunks of its own.
  await lab.run('head -c 300000 /dev/urandom > /root/noise && echo noisy', /^noisy$/m);
  const name = await snapshots.save();
  await expect(usage).not.toHaveText(before);
  const saved = await usage.innerText();

  const file = await snapshots.exportFile(name);
  await snapshots.entry(name).getByRole('button', { name: 'Delete' }).click();
  await expect(snapshots.entries()).toHaveCount(0);
  await expect(usage).toHaveText(before);

  await snapshots.importFile({ name: 'back.aula86snap', buffer: file });
  await expect(snapshots.entry(name)).toBeVisible();
  await expect(usage).toHaveText(saved);
});
