// Lesson 8: a classroom kiosk. Students get the terminal alone; left idle, the machine returns
// to its golden state after a countdown that any key cancels; a teacher unlocks it by PIN.
import { expect, test, type Page } from '@playwright/test';
import { Lab } from './lab';

/** Serves a kiosk.json next to the app, as a school's IT person would place it. */
async function kioskConfig(page: Page, config: Record<string, unknown>): Promise<void> {
  await page.route('**/kiosk.json', (route) => route.fulfill({ json: config }));
}

const countdown = (page: Page) => page.getByRole('alertdialog');

test('left idle, the kiosk counts down and brings the golden state back', async ({ page }) => {
  await kioskConfig(page, { idleMinutes: 0.05, countdownSeconds: 2, pin: '2468' });
  const lab = new Lab(page);
  await lab.bootToShell('lang=en&kiosk');
  // No admin controls for students.
  await expect(lab.button('Pause')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save snapshot' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Run benchmark' })).toHaveCount(0);

  await lab.run('echo student work > /root/homework; rm -rf /bin', 'rm -rf /bin');
  // Then nobody touches the computer.
  await expect(countdown(page)).toContainText('goes back to its starting state in', {
    timeout: 10_000,
  });
  await expect(countdown(page)).toBeHidden({ timeout: 10_000 });
  await lab.waitForPrompt();
  await lab.run('ls /root/homework', /No such file or directory/);
});

test('any key cancels the countdown, and the work stays', async ({ page }) => {
  await kioskConfig(page, { idleMinutes: 0.05, countdownSeconds: 30 });
  const lab = new Lab(page);
  await lab.bootToShell('lang=en&kiosk');
  await lab.run('echo keep me > /root/keep', 'echo keep me');

  await expect(countdown(page)).toBeVisible({ timeout: 10_000 });
  await page.keyboard.press('Shift');
  await expect(countdown(page)).toBeHidden();
  await lab.run('cat /root/keep', /^keep me$/m);
});

test('the teacher unlocks the kiosk with the PIN; a wrong PIN does not', async ({ page }) => {
  await kioskConfig(page, { pin: '2468' });
  const lab = new Lab(page);
  await lab.bootToShell('lang=en&kiosk');

  await page.getByRole('button', { name: 'Teacher unlock' }).click();
  await page.getByLabel('Teacher PIN').fill('1111');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong PIN.');
  await expect(page.getByRole('button', { name: 'Save snapshot' })).toHaveCount(0);

  await page.getByLabel('Teacher PIN').fill('2468');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText('Kiosk unlocked')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save snapshot' })).toBeVisible();
  await expect(lab.button('Pause')).toBeVisible();
});

test('a reload is a reset: the kiosk starts from its golden state every time', async ({ page }) => {
  await kioskConfig(page, { idleMinutes: 30 });
  const lab = new Lab(page);
  await lab.bootToShell('lang=en&kiosk');
  await lab.run('echo left behind > /root/old', 'echo left behind');
  await page.reload();
  await lab.waitForPrompt();
  await lab.run('ls /root/old', /No such file or directory/);
});
