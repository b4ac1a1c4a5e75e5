// Lesson: a lab of several machines. Each guest is a whole PC of its own (its own emulator,
// processes, files and name) even though all of them run in one browser tab.
import { expect, test, type Worker } from '@playwright/test';
import { Lab } from './lab';
import { Screen } from './screen';
import { SnapshotPanel } from './snapshots';

test('?machines=2 opens two machines, each named in its own prompt', async ({ page }) => {
  const lab = new Lab(page);
  const [pc1, pc2] = await lab.openTwoMachines();
  await pc2.run('hostname', /^pc2$/m);
  await pc1.run('hostname', /^pc1$/m);
});

test('two machines run different commands at once; each terminal shows only its own', async ({
  page,
}) => {
  const lab = new Lab(page);
  const [pc1, pc2] = await lab.openTwoMachines();

  // pc1 counts slowly while pc2, meanwhile, is asked something else.
  await pc1.type('for i in 1 2 3 4; do echo one-$i; sleep 1; done');
  await pc1.expectScreen(/^one-1$/m);
  await pc2.run('for i in 1 2 3; do echo two-$i; done', /^two-3$/m);
  expect(await pc2.screenText()).not.toContain('one-');

  // pc1 went on counting while its terminal was hidden, and saw none of pc2's output.
  await pc1.expectScreen(/^one-4$/m);
  expect(await pc1.screenText()).not.toMatch(/^two-/m);
});

test('an added machine is another PC: its own name, its own files', async ({ page }) => {
  const lab = new Lab(page);
  await lab.bootToShell();
  const pc1 = lab.machine('pc1');
  await pc1.run('echo from-pc1 > /root/note; cat /root/note', /^from-pc1$/m);

  const pc2 = await lab.addMachine('pc2');
  await pc2.waitForPrompt();
  await pc2.run('hostname; cat /root/note 2>&1', /^pc2\ncat: can't open '\/root\/note'/m);
  await expect(page.getByTestId('lab-memory')).toContainText(/RAM \d+ MB of/);
});

test('choosing another guest asks first; a new machine for it keeps pc1 as it was', async ({
  page,
}) => {
  const lab = new Lab(page);
  await lab.bootToShell('lang=en&tool=guest');
  const pc1 = lab.machine('pc1');
  await pc1.run('echo kept > /root/work; cat /root/work', /^kept$/m);

  // Picking the screen guest changes nothing yet: the tool asks where it should run.
  const screenGuest = 'aula86 tiny Linux (i686, busybox) · screen and keyboard';
  await page.getByRole('combobox', { name: 'Guest' }).selectOption({ label: screenGuest });
  const ask = page.getByRole('group', { name: `Start ${screenGuest}` });
  await expect(ask).toContainText('What runs in pc1 now is lost');
  await expect(ask.getByRole('button', { name: 'Replace pc1 with it' })).toBeVisible();
  await ask.getByRole('button', { name: 'Boot in a new machine' }).click();

  // It boots in pc2, on a screen; pc1 runs on with its file.
  await expect(lab.machine('pc2').tab).toHaveAttribute('aria-selected', 'true');
  await new Screen(page).expectText('is running inside v86');
  await expect(ask).toBeHidden();
  await pc1.run('cat /root/work; hostname', /^kept\npc1$/m);
});

test('a snapshot of pc2 restores into pc2 only; pc1 keeps its files', async ({ page }) => {
  const lab = new Lab(page);
  const [pc1, pc2] = await lab.openTwoMachines();
  await pc1.run('echo kept > /root/pc1-file && echo written', /^written$/m);
  await pc2.run('echo saved > /root/pc2-file && echo written', /^written$/m);

  // Saved from pc2 (the selected machine), and the list says so.
  await pc2.show();
  const snapshots = new SnapshotPanel(page);
  const name = await snapshots.save();
  await expect(snapshots.entry(name).getByTestId('snapshot-machine')).toHaveText('from pc2');

  // Both machines change after the snapshot.
  await pc2.run('rm /root/pc2-file && echo removed', /^removed$/m);
  await pc1.run('echo changed-later >> /root/pc1-file && echo appended', /^appended$/m);

  await pc2.show();
  await snapshots.restore(name);
  await pc2.run('cat /root/pc2-file', /^saved$/m);
  await pc1.run('cat /root/pc1-file', /^kept\nchanged-later$/m);
});

test('removing a machine ends its emulator; the other one works on', async ({ page }) => {
  const workers: Worker[] = [];
  page.on('worker', (worker) => {
    if (worker.url().includes('emulator.worker')) workers.push(worker);
  });
  const lab = new Lab(page);
  const [pc1, pc2] = await lab.openTwoMachines();
  // One worker per machine (and maybe one more: the lab readies the next machine when quiet).
  expect(workers.length).toBeGreaterThanOrEqual(2);
  const closed: Worker[] = [];
  for (const worker of workers) worker.on('close', () => closed.push(worker));

  await pc2.show();
  await pc2.pane.getByRole('button', { name: 'Remove' }).click();
  await expect(pc2.tab).toHaveCount(0);
  await expect(pc2.pane).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'pc2 was removed' })).toBeVisible();
  await expect.poll(() => closed.length).toBe(1);

  await expect(pc1.tab).toHaveAttribute('aria-selected', 'true');
  await pc1.run('echo still here', /^still here$/m);
  // The last machine cannot be removed.
  await expect(pc1.pane.getByRole('button', { name: 'Remove' })).toHaveCount(0);
});

test('a machine renamed is renamed inside the guest too; a taken name is refused', async ({
  page,
}) => {
  const lab = new Lab(page);
  await lab.open('lang=en&machines=2');
  const pc2 = lab.machine('pc2');
  await pc2.waitForPrompt();

  await pc2.pane.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('New name for pc2').fill('pc1');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('alert')).toContainText('Another machine is already called pc1');

  await page.getByLabel('New name for pc2').fill('Web Server');
  await page.getByRole('button', { name: 'Save name' }).click();
  const web = lab.machine('web-server');
  await expect(web.tab).toBeVisible();
  await web.run('hostname', /^web-server$/m);
  await web.expectScreen(/^root@web-server:~#$/m);
});

test('Alt+2 switches to the second machine from inside a terminal', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('lang=en&machines=2');
  const pc1 = lab.machine('pc1');
  const pc2 = lab.machine('pc2');
  await pc2.waitForPrompt();
  await pc1.waitForPrompt();
  await page.keyboard.press('Alt+2');
  await expect(pc2.tab).toHaveAttribute('aria-selected', 'true');
  // The keyboard went with it: typing reaches pc2's shell.
  await page.keyboard.type('hostname\n');
  await pc2.expectScreen(/^root@pc2:~# hostname\npc2$/m);
});
