// Lesson 7: snapshots stay safe when the classroom is messy: two tabs, private windows, hasty clicks.
import { expect, test } from '@playwright/test';
import { Lab } from './lab';
import { SnapshotPanel } from './snapshots';

test('two tabs on the lab see the same list', async ({ context }) => {
  const [pageA, pageB] = [await context.newPage(), await context.newPage()];
  const [labA, labB] = [new Lab(pageA), new Lab(pageB)];
  await labA.bootToShell();
  await labB.bootToShell();
  const [snapsA, snapsB] = [new SnapshotPanel(pageA), new SnapshotPanel(pageB)];

  const name = await snapsA.save();
  await snapsB.show();
  await expect(snapsB.entry(name)).toBeVisible();

  await snapsB.entry(name).getByRole('button', { name: 'Delete' }).click();
  await expect(snapsA.entries()).toHaveCount(0);
});

test('without IndexedDB (a private window) snapshots work for the session, with a warning', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get: () => undefined });
  });
  const lab = new Lab(page);
  const snapshots = new SnapshotPanel(page);
  await lab.bootToShell();
  await snapshots.show();
  await expect(snapshots.panel.getByRole('alert')).toContainText(
    'will be lost when the page closes',
  );

  await lab.run('echo volatile > /root/v.txt', /volatile/);
  const name = await snapshots.save();
  await lab.run('rm /root/v.txt && echo v-removed', /^v-removed$/m);
  await snapshots.restore(name);
  await lab.run('clear; cat /root/v.txt', /^volatile$/m);
});

test('during a restore nothing else can be started, and the guest stays usable', async ({
  page,
}) => {
  const lab = new Lab(page);
  const snapshots = new SnapshotPanel(page);
  await lab.bootToShell();
  await snapshots.save();

  // Within one turn of the page's event loop: click Restore, let the panel redraw, then try to
  // save with the presenter shortcut, and read what the user sees at that moment.
  // (the list in the Snapshots pane, Save and the news in the strip under the terminal)
  const during = await page.evaluate(async () => {
    const panel = document.querySelector('[aria-labelledby="snapshots-heading"]')!;
    const strip = document.querySelector('[role="group"][aria-label="Latest snapshots"]')!;
    const button = (label: string) =>
      [...panel.querySelectorAll('button'), ...strip.querySelectorAll('button')].find(
        (b) => b.textContent?.trim() === label,
      )!;
    button('Restore').click();
    await new Promise(requestAnimationFrame);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 's', altKey: true }));
    await new Promise(requestAnimationFrame);
    return {
      saveDisabled: button('Save snapshot').disabled,
      restoreDisabled: button('Restore').disabled,
      text: strip.textContent ?? '',
    };
  });
  expect(during.saveDisabled).toBe(true);
  expect(during.restoreDisabled).toBe(true);
  expect(during.text).toContain('another snapshot operation is still running');

  await expect(snapshots.news.filter({ hasText: /^Restored/ })).toBeVisible();
  await expect(snapshots.entries()).toHaveCount(1);
  await lab.run('echo fine', /^fine$/m);
});
