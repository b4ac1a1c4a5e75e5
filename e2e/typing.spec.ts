// Lesson: what you type while the machine changes under you (a restore, a reset, a pause) is
// never split between the machine before and the one after: it waits, and arrives whole.
import { expect, test } from '@playwright/test';
import { Lab } from './lab';
import { SnapshotPanel } from './snapshots';

const COMMAND = 'echo $((1000+234))';
/** The restored shell ran the whole command: its line, then its answer. */
const WHOLE = /^root@pc1:~# echo \$\(\(1000\+234\)\)\n1234$/m;

for (const delay of [0, 15]) {
  test(`typing during a restore (${delay} ms between keys) reaches the restored shell whole`, async ({
    page,
  }) => {
    const lab = new Lab(page);
    const snapshots = new SnapshotPanel(page);
    await lab.bootToShell();
    await lab.run('echo before > /root/mark; cat /root/mark', /^before$/m);
    await snapshots.save();

    // Alt+R restores the latest snapshot; the keys typed right after it go into the terminal.
    await lab.press('Alt+R');
    await page.keyboard.type(`${COMMAND}\n`, { delay });
    await expect(snapshots.news.filter({ hasText: /^Restored/ })).toBeVisible();
    await lab.expectScreen(WHOLE);
    const screen = await lab.screenText();
    expect(screen).not.toMatch(/not found|syntax error/);
  });
}

test('typing during a reset goes to the new machine, whole', async ({ page }) => {
  const lab = new Lab(page);
  await lab.bootToShell();
  await lab.run('echo old > /root/old; cat /root/old', /^old$/m);
  await lab.button('Reset').click();
  await page.locator('.xterm-screen').click();
  await page.keyboard.type(`${COMMAND}\n`);
  await lab.expectScreen(WHOLE);
  // It ran in the new machine: the old one's file is gone.
  await lab.run('ls /root/old', /No such file or directory/);
});

test('typing into a paused machine waits, is said to wait, and runs on Resume', async ({
  page,
}) => {
  const lab = new Lab(page);
  await lab.bootToShell();
  await lab.button('Pause').click();
  await expect(lab.status).toContainText('Paused');
  await page.locator('.xterm-screen').click();
  await page.keyboard.type(`${COMMAND}\n`);
  await expect(page.getByText('Your typing waits for the machine to be ready')).toBeVisible();
  expect(await lab.screenText()).not.toContain('1234');

  await lab.button('Resume').click();
  await lab.expectScreen(WHOLE);
  await expect(page.getByText('Your typing waits for the machine to be ready')).toHaveCount(0);
});
