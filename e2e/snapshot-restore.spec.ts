// Lesson 5: a snapshot freezes the whole machine; restoring it undoes anything done since.
import { expect, test } from '@playwright/test';
import { Lab } from './lab';
import { SnapshotPanel } from './snapshots';

test('save, destroy the guest’s files, restore: the files are back', async ({ page }) => {
  const lab = new Lab(page);
  const snapshots = new SnapshotPanel(page);
  await lab.bootToShell();
  await lab.run('echo lesson-one > /root/notes.txt; ls /bin/busybox', /^\/bin\/busybox$/m);
  const name = await snapshots.save();

  await lab.run('rm -rf /bin /root/notes.txt; ls /bin', /No such file or directory/);
  await snapshots.restore(name);
  await expect(lab.status).toContainText('Running');
  await lab.run('clear; cat /root/notes.txt; ls /bin/busybox', /^\/bin\/busybox$/m);
  await lab.expectScreen(/^lesson-one$/m);
});

test('a snapshot survives a page reload', async ({ page }) => {
  const lab = new Lab(page);
  const snapshots = new SnapshotPanel(page);
  await lab.bootToShell();
  await lab.run('echo kept-across-reload > /tmp/marker; cat /tmp/marker', /^kept-across-reload$/m);
  const name = await snapshots.save();

  await page.reload();
  await lab.waitForPrompt();
  await expect(snapshots.entry(name)).toBeVisible();
  await snapshots.restore(name);
  // Upper-cased, so the answer cannot be the line already on the restored screen.
  await lab.run('clear; tr a-z A-Z < /tmp/marker', /^KEPT-ACROSS-RELOAD$/m);
});

test('the empty panel’s hint names a break everyone sees: the kernel panics, the snapshot brings it back', async ({
  page,
}) => {
  const lab = new Lab(page);
  const snapshots = new SnapshotPanel(page);
  await lab.bootToShell();
  await snapshots.show();
  // The command the hint quotes, followed as a student would.
  const hint = await snapshots.panel.getByText(/^No snapshots yet/).innerText();
  const command = /“(.+?)”/.exec(hint)?.[1];
  expect(command).toBeTruthy();
  const name = await snapshots.save();

  await lab.run(command!, /Kernel panic - not syncing/);
  await snapshots.restore(name);
  await lab.run('clear; echo back after the panic', /^back after the panic$/m);
});

// The shell of a state saved at its first prompt had asked the terminal where its cursor was,
// and went on waiting for the answer once restored: the first command reached it ~2 s late.
test(
  'a snapshot saved at the first prompt, restored: the first command answers at once',
  { tag: '@timed' },
  async ({ page }) => {
    const lab = new Lab(page);
    const snapshots = new SnapshotPanel(page);
    await lab.bootToShell();
    const name = await snapshots.save();
    await lab.run('echo after-the-save', /^after-the-save$/m);
    await snapshots.restore(name);
    await expect(lab.status).toContainText('Running');
    await page.locator('[role=tabpanel]:visible .xterm-screen').click();
    await page.keyboard.type('echo $((6*7))-answered');
    await lab.press('Enter');
    await expect(lab.terminal).toContainText('42-answered', { timeout: 1_000 });
  },
);
