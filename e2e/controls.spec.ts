// Lesson 2: the machine is under our control. Pausing stops the emulated CPU; Reset is a power cycle.
import { expect, test } from '@playwright/test';
import { Lab } from './lab';

test('Pause stops the emulated instruction count and Resume restarts it', async ({ page }) => {
  const lab = new Lab(page);
  await lab.bootToShell('lang=en&tool=guest'); // the Guest tool counts the instructions

  await lab.button('Pause').click();
  await expect(lab.status).toContainText('Paused');
  // The count as the emulator stopped stays put: two readings on (one may have been on its way
  // as Pause was clicked), it is the stopped machine's.
  await lab.waitForSamples(2);
  const paused = await lab.instructionCount();
  await lab.waitForSamples(3);
  expect(await lab.instructionCount()).toBe(paused);

  await lab.button('Resume').click();
  await expect(lab.status).toContainText('Running');
  await expect.poll(() => lab.instructionCount()).toBeGreaterThan(paused);
  await lab.run('echo still alive', /^still alive$/m);
});

test('Reset reboots the guest to a fresh prompt', async ({ page }) => {
  const lab = new Lab(page);
  await lab.bootToShell();
  await lab.run('echo hello > /tmp/marker; cat /tmp/marker', /^hello$/m);

  await lab.button('Reset').click();
  // The new machine's screen replaces the old one: the command typed before is gone from it.
  await expect.poll(() => lab.screenText()).not.toContain('/tmp/marker');
  await lab.waitForPrompt();

  await lab.run('cat /tmp/marker', /No such file or directory/);
});
