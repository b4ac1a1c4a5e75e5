// Lesson: the terminal follows what the guest prints, even while its box changes size (a window
// resized, a pane shown); a reader who scrolls up to read stays there until scrolling back down.
import { expect, test } from '@playwright/test';
import { Lab } from './lab';

test('the terminal follows the output while its box changes size, and stays where the reader scrolled up', async ({
  page,
}) => {
  const lab = new Lab(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await lab.bootToShell('lang=en');
  await lab.run(
    'seq 1 80; for n in $(seq 1 400); do echo tick-$n; sleep 0.1; done; echo loop-done',
    /^tick-3$/m,
  );
  const lastTick = async () =>
    Math.max(
      0,
      ...[...(await lab.screenText()).matchAll(/^tick-(\d+)$/gm)].map((m) => Number(m[1])),
    );
  // The window changes height while the guest prints: the terminal gains and loses rows, and
  // the newest line stays in view each time.
  for (const height of [600, 760, 680]) {
    await page.setViewportSize({ width: 1280, height });
    const shown = await lastTick();
    await expect
      .poll(lastTick, { message: `following at ${height} px` })
      .toBeGreaterThan(shown + 4);
  }

  // The reader scrolls up to the numbers printed first: the view stays there while ticks go on.
  const box = (await lab.terminal.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect
    .poll(async () => {
      await page.mouse.wheel(0, -400);
      return lab.screenText();
    })
    .toMatch(/^40$/m);
  const reading = await lab.screenText();
  // (The scrollbar's thumb shrinks as the guest's lines grow below the view.)
  const thumb = page.locator('[role=tabpanel]:visible .xterm .scrollbar.vertical .slider');
  const thumbHeight = async () => (await thumb.boundingBox())?.height ?? 0;
  const before = await thumbHeight();
  await expect.poll(thumbHeight).toBeLessThan(before * 0.9);
  expect(await lab.screenText()).toBe(reading);
  // A key typed brings the view back to the bottom: the loop stops there, and the prompt is seen.
  await lab.press('Control+C');
  await lab.expectScreen(/^root@pc1:~#$/m);
});
