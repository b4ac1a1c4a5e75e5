// Lesson 2: the machine is under our control. Pausing stops the emulated CPU; Reset is a power cycle.
import { expect, test } from '@playwright/test';
import { Lab } from './lab';

test('Pause stops the emulated instruction count and Resume restarts it', async ({ page }) => {
  const lab = new Lab(page);
  await lab.bootToShell();

  await lab.button('Pause').click();
  await expect(lab.status).toContainText('Paused');
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
