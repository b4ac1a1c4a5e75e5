// Lesson 8: a classroom kiosk. Students get the terminal alone; left idle, the machine returns
// to its golden state after a countdown that any key cancels; a teacher unlocks it by PIN.
import { expect, test, type Page } from '@playwright/test';
import { Lab } from './lab';
import { SnapshotPanel } from './snapshots';
import { editSnapshotRecord } from './storedSnapshots';

/** Serves a kiosk.json next to the app, as a school's IT person would place it. */
async function kioskConfig(page: Page, config: Record<string, unknown>): Promise<void> {
  await page.route('**/kiosk.json', (route) => route.fulfill({ json: config }));
}

/** Serves a kiosk.json with exactly this text (a typo, a wrong value). */
async function kioskFile(page: Page, body: string): Promise<void> {
  await page.unrouteAll();
  await page.route('**/kiosk.json', (route) =>
    route.fulfill({ body, contentType: 'application/json' }),
  );
}

async function unlockWith(page: Page, pin: string): Promise<void> {
  await page.getByRole('button', { name: 'Teacher unlock' }).click();
  await page.getByLabel('Teacher PIN').fill(pin);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

/** The lab shows a student no way to the admin controls. */
async function expectLocked(page: Page, lab: Lab): Promise<void> {
  await expect(lab.status).toContainText('Running');
  await expect(lab.button('Pause')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save snapshot' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Import snapshot' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Run benchmark' })).toHaveCount(0);
}

const countdown = (page: Page) => page.getByRole('alertdialog');

/** A kiosk that returns to the teacher's snapshot "Lesson 3" after 6 idle seconds. */
const GOLDEN_KIOSK = {
  golden: { snapshot: 'Lesson 3' },
  idleMinutes: 0.1,
  countdownSeconds: 1,
  pin: '2468',
};

test('left idle, the kiosk counts down and brings the golden state back', async ({ page }) => {
  await kioskConfig(page, { idleMinutes: 0.05, countdownSeconds: 2, pin: '2468' });
  const lab = new Lab(page);
  await lab.bootToShell('lang=en&kiosk');
  // No admin controls for students.
  await expect(lab.button('Pause')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save snapshot' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Run benchmark' })).toHaveCount(0);

  await lab.run(
    'echo student work > /root/homework; cat /root/homework; rm -rf /bin',
    /^student work$/m,
  );
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
  await lab.run('echo keep me > /root/keep; cat /root/keep', /^keep me$/m);

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
  await lab.run('echo left behind > /root/old; cat /root/old', /^left behind$/m);
  await page.reload();
  await lab.waitForPrompt();
  await lab.run('ls /root/old', /No such file or directory/);
});

test('a teacher prepares a golden snapshot; the kiosk starts from it and returns to it', async ({
  page,
}) => {
  await kioskConfig(page, GOLDEN_KIOSK);
  const lab = new Lab(page);
  await lab.bootToShell('lang=en&kiosk');
  // No such snapshot yet: the kiosk says so and uses the pre-booted state.
  await expect(page.getByText('no snapshot named "Lesson 3"')).toBeVisible();

  // The teacher unlocks, prepares the machine and saves it under the golden name.
  await unlockWith(page, '2468');
  await lab.run('echo exercise 3 > /root/README; cat /root/README', /^exercise 3$/m);
  const snapshots = new SnapshotPanel(page);
  await snapshots.rename(await snapshots.save(), 'Lesson 3');
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

test('a locked kiosk keeps the workspace but offers only the tools kiosk.json lists, whatever the address asks', async ({
  page,
}) => {
  await kioskConfig(page, { tools: ['guest'], pin: '2468' });
  const lab = new Lab(page);
  await lab.bootToShell('lang=en&kiosk&tool=cost');
  const tools = page.getByRole('toolbar', { name: 'Tools' });
  await expect(tools.getByRole('button')).toHaveText(['Guest']);
  await expect(page.getByRole('complementary')).toHaveCount(0); // the address's tool stays shut
  await expectLocked(page, lab);
  await tools.getByRole('button', { name: 'Guest' }).click();
  await expect(page.getByTestId('started-from')).toBeVisible();
  await lab.run('echo student-still-types', /^student-still-types$/m);

  // Unlocked, the teacher has every tool (and the one the address named is there to open).
  await unlockWith(page, '2468');
  await expect(tools.getByRole('button')).toHaveCount(9);
  await tools.getByRole('button', { name: 'Cost of emulation' }).click();
  await expect(page.getByRole('button', { name: 'Run benchmark' })).toBeVisible();
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

for (const [kind, body] of [
  ['bad JSON', '{ "enabled": true, '],
  ['a wrong type', '{ "enabled": true, "idleMinutes": "5" }'],
  ['an unknown value', '{ "golden": "latest" }'],
] as const) {
  test(`a kiosk.json with ${kind} keeps the lab locked, even without ?kiosk`, async ({ page }) => {
    await kioskFile(page, body);
    const lab = new Lab(page);
    await lab.bootToShell('lang=en');
    await expectLocked(page, lab);
    // Students get a neutral note, not the technical reason.
    await expect(page.getByText('kiosk settings could not be read')).toBeVisible();
    await expect(page.getByText('kiosk.json could not be used')).toHaveCount(0);
  });
}

test('a broken kiosk.json still opens with the last PIN that worked, and the teacher then sees why', async ({
  page,
}) => {
  await kioskConfig(page, { enabled: true, pin: '2468' });
  const lab = new Lab(page);
  await lab.bootToShell('lang=en');
  await expectLocked(page, lab);

  // Somebody edits kiosk.json on the server and leaves a tiny idle time in it.
  await kioskFile(page, '{ "enabled": true, "pin": "2468", "idleMinutes": 1e-7 }');
  await page.reload();
  await lab.waitForPrompt();
  await expectLocked(page, lab);
  await unlockWith(page, '2468');
  await expect(page.getByText('Kiosk unlocked')).toBeVisible();
  await expect(
    page.getByText(/kiosk\.json could not be used \(idleMinutes: must be at least/),
  ).toBeVisible();
});

test('wrong PINs make the next try wait, and a reload does not clear the count', async ({
  page,
}) => {
  await kioskConfig(page, { enabled: true, pin: '2468' });
  const lab = new Lab(page);
  await lab.bootToShell('lang=en');
  for (const guess of ['1111', '2222']) {
    await unlockWith(page, guess);
    await expect(page.getByRole('alert')).toHaveText('Wrong PIN.');
    await page.getByRole('button', { name: 'Cancel' }).click();
  }
  await unlockWith(page, '3333');
  await expect(page.getByRole('alert')).toHaveText(/Too many wrong PINs: wait [1-5] s/);
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeDisabled();

  // Straight after the reload (the 5 s wait is not over yet), the count is still there.
  await page.reload();
  await page.getByRole('button', { name: 'Teacher unlock' }).click();
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeDisabled();
  // Once the wait is over, the right PIN opens it.
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeEnabled({ timeout: 10_000 });
  await page.getByLabel('Teacher PIN').fill('2468');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText('Kiosk unlocked')).toBeVisible();
  await lab.waitForPrompt();
});

test('a damaged golden snapshot still wipes the student’s work on reset, and says so', async ({
  page,
}) => {
  await kioskConfig(page, GOLDEN_KIOSK);
  const lab = new Lab(page);
  await lab.bootToShell('lang=en&kiosk');
  await unlockWith(page, '2468');
  const snapshots = new SnapshotPanel(page);
  await snapshots.rename(await snapshots.save(), 'Lesson 3');
  await expect(snapshots.entry('Lesson 3')).toBeVisible();

  // The stored snapshot gets damaged: one of its chunks is gone.
  await editSnapshotRecord(page, { name: 'Lesson 3', loseFirstChunk: true });

  await page.reload();
  await lab.waitForPrompt();
  await expect(
    page.getByText('The golden snapshot "Lesson 3" could not be restored'),
  ).toBeVisible();
  await lab.run('echo student work > /root/homework; cat /root/homework', /^student work$/m);
  await expect(countdown(page)).toBeVisible({ timeout: 15_000 });
  await expect(countdown(page)).toBeHidden({ timeout: 15_000 });
  await lab.waitForPrompt();
  await lab.run('ls /root/homework', /No such file or directory/);
});

test('a kiosk pins its lessons; a lesson in progress lengthens the idle time and can be handed in before the reset', async ({
  page,
}) => {
  await kioskConfig(page, {
    tools: ['lessons'],
    lessons: ['host-and-guest'],
    idleMinutes: 0.05,
    lessonIdleMinutes: 0.15,
    countdownSeconds: 30,
  });
  const lab = new Lab(page);
  await lab.bootToShell('lang=en&kiosk&tool=lessons');
  const pane = page.getByRole('complementary', { name: 'Lessons', exact: true });
  // Only the lesson kiosk.json names, and no teacher's file.
  await expect(pane.getByRole('button', { name: 'Host and guest', exact: true })).toBeVisible();
  await expect(pane.getByRole('button', { name: 'Snapshots', exact: true })).toHaveCount(0);
  await expect(pane.getByRole('button', { name: 'Load a lesson file' })).toHaveCount(0);

  await pane.getByRole('button', { name: 'Host and guest', exact: true }).click();
  await lab.run('grep -m1 "model name" /proc/cpuinfo | tee /root/cpu.txt', /^model name\s*:/m);
  await expect(pane.getByTestId('step-state').first()).toHaveText('done');
  const begun = Date.now();
  // Left alone mid-lesson: the countdown comes after the lesson's idle time (9 s), not 3 s.
  await expect(countdown(page)).toBeVisible({ timeout: 20_000 });
  expect(Date.now() - begun).toBeGreaterThan(6_000);
  await expect(countdown(page)).toContainText('A lesson is in progress');
  // The student comes back (any key cancels the reset) and is offered to hand the lesson in.
  await page.keyboard.press('Shift');
  const offer = page.getByRole('alertdialog');
  await expect(offer).not.toContainText('goes back to its starting state');
  const download = page.waitForEvent('download');
  await offer.getByRole('button', { name: 'Download my lesson progress' }).click();
  const report = await download;
  expect(report.suggestedFilename()).toMatch(/^aula86-host-and-guest-/);
  // No reset happened: the work and the lesson are still there.
  await expect(offer).toBeHidden();
  await lab.run('cat /root/cpu.txt', /^model name\s*:/m);
  await expect(pane.getByTestId('lesson-progress')).toHaveText('1 of 4 steps done');
});
