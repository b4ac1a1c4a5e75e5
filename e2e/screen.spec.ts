// Lesson: a guest with a screen. The same tiny Linux, started with a VGA console and a
// keyboard, shows its prompt on an emulated screen; the keyboard reaches it after a click, and
// Ctrl+Alt+Del (which the browser keeps for itself) is a button.
import { expect, test } from '@playwright/test';
import { Lab } from './lab';
import { Screen } from './screen';
import { SnapshotPanel } from './snapshots';

test('the screen guest shows its prompt on the VGA screen and takes keys', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('lang=en&profile=tiny-screen');
  const screen = new Screen(page);
  // Resumed from its pre-booted state: the prompt is on the text screen at once.
  await screen.expectText('is running inside v86');
  await screen.expectText(/^root@pc\d:~# ?$/);
  await expect(lab.status).toContainText('Running');

  // (Keys are the PC's physical keys: the test types no shifted characters.)
  await screen.type('echo typed-on-screen; seq 41 42');
  await screen.expectText(/^typed-on-screen$/);
  await screen.expectText(/^42$/);

  // The picture itself: the row with the prompt has lit pixels, a row below it is all black.
  const shot = await screen.surface.locator('canvas').screenshot();
  const box = await screen.surface.locator('canvas').boundingBox();
  expect(shot.byteLength).toBeGreaterThan(1000);
  const lit = await page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>(
      '[role=tabpanel]:not([hidden]) canvas',
    )!;
    const ctx = canvas.getContext('2d')!;
    const rowOf = (text: string) =>
      document
        .querySelector('[role=tabpanel]:not([hidden]) [data-testid=screen-text]')!
        .textContent.split('\n')
        .findIndex((row) => row.startsWith(text));
    const litIn = (row: number) => {
      const { data } = ctx.getImageData(0, row * 16, canvas.width, 16);
      let n = 0;
      for (let i = 0; i < data.length; i += 4)
        if (data[i]! + data[i + 1]! + data[i + 2]! > 200) n++;
      return n;
    };
    return { answer: litIn(rowOf('typed-on-screen')), blank: litIn(24) };
  });
  expect(box!.width).toBeGreaterThan(300);
  expect(lit.answer).toBeGreaterThan(50);
  expect(lit.blank).toBe(0);

  // A snapshot brings the screen back as it was.
  const snapshots = new SnapshotPanel(page);
  const saved = await snapshots.save();
  await screen.type('clear');
  await expect(screen.text).not.toContainText('typed-on-screen');
  await snapshots.restore(saved);
  await screen.expectText(/^typed-on-screen$/);

  // Ctrl+Alt+Del restarts the machine: the BIOS and the kernel draw the screen again.
  await screen.type('clear');
  await page.getByRole('button', { name: 'Ctrl+Alt+Del' }).click();
  await screen.expectText('is running inside v86', 60_000);
});

test('a screen guest also has its serial terminal, a click away', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('lang=en&profile=tiny-screen');
  await new Screen(page).expectText(/^root@pc\d:~# ?$/);
  await page.getByRole('button', { name: 'Serial terminal' }).click();
  await lab.waitForPrompt();
  await lab.run('tty', '/dev/ttyS0');
  await page.getByRole('button', { name: 'Screen', exact: true }).click();
  await new Screen(page).expectText(/^root@pc\d:~# ?$/);
});
