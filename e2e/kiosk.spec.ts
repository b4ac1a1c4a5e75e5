// Lesson 8: a classroom kiosk. Students get the terminal alone; left idle, the machine returns
// to its golden state after a countdown that any key cancels; a teacher unlocks it by PIN.
import { expect, test, type Page } from '@playwright/test';
import { Lab } from './lab';
import { SnapshotPanel } from './snapshots';

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

test('a teacher prepares a golden snapshot; the kiosk starts from it and returns to it', async ({
  page,
}) => {
  await kioskConfig(page, {
    golden: { snapshot: 'Lesson 3' },
    idleMinutes: 0.1,
    countdownSeconds: 1,
    pin: '2468',
  });
  const lab = new Lab(page);
  await lab.bootToShell('lang=en&kiosk');
  // No such snapshot yet: the kiosk says so and uses the pre-booted state.
  await expect(page.getByText('no snapshot named "Lesson 3"')).toBeVisible();

  // The teacher unlocks, prepares the machine and saves it under the golden name.
  await page.getByRole('button', { name: 'Teacher unlock' }).click();
  await page.getByLabel('Teacher PIN').fill('2468');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await lab.run('echo exercise 3 > /root/README', 'echo exercise 3');
  const snapshots = new SnapshotPanel(page);
  const saved = await snapshots.save();
  await snapshots.entry(saved).getByRole('button', { name: 'Rename' }).click();
  await snapshots.panel.getByLabel('Snapshot name').fill('Lesson 3');
  await snapshots.panel.getByRole('button', { name: 'Save name' }).click();
  await expect(snapshots.entry('Lesson 3')).toBeVisible();

  // Next lesson: the kiosk opens on the golden snapshot…
  await page.reload();
  await lab.waitForPrompt();
  await lab.expectScreen('echo exercise 3 > /root/README'); // the golden snapshot's screen
  await lab.run('cat /root/README', /^exercise 3$/m);
  // …and, left idle after a student's mess, goes back to it.
  await lab.run('rm /root/README', 'rm /root/README');
  await expect(countdown(page)).toBeVisible({ timeout: 15_000 });
  await expect(countdown(page)).toBeHidden({ timeout: 15_000 });
  // The golden screen is back: the student's command is gone from it.
  await expect.poll(async () => (await lab.screenText()).includes('rm /root/README')).toBe(false);
  await lab.run('cat /root/README', /^exercise 3$/m);
});

test('"enabled" in kiosk.json makes every visit a kiosk, without ?kiosk', async ({ page }) => {
  await kioskConfig(page, { enabled: true });
  const lab = new Lab(page);
  await lab.bootToShell('lang=en');
  await expect(lab.button('Pause')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Run benchmark' })).toHaveCount(0);
  // No PIN configured: no unlock button either.
  await expect(page.getByRole('button', { name: 'Teacher unlock' })).toHaveCount(0);
});
