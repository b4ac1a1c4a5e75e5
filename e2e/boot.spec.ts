// Lesson 1: a real Linux boots inside the browser, and answers like one.
import { expect, test } from '@playwright/test';
import { Lab } from './lab';

test('boots to a shell prompt and runs commands in the guest', async ({ page }) => {
  const lab = new Lab(page);
  await lab.bootToShell();

  await lab.run('uname -m', /^i686$/m);
  await lab.run('echo $((6 * 7))', /^42$/m);
  await lab.openTool('Guest');
  await expect(page.getByTestId('boot-time')).toContainText(/\d+\.\d\d s/);
});

test('the guest is told the terminal size, and follows a resize', async ({ page }) => {
  const lab = new Lab(page);
  await lab.bootToShell();
  // What the guest's tty says, asked afresh on a cleared screen.
  const guestColumns = async () => {
    await lab.run('clear; stty size', /^(\d+ \d+|stty: .*)$/m);
    // The screen may be redrawn by a resize in between: then ask again (NaN never passes).
    return Number((await lab.screenText()).match(/^(\d+) (\d+)$/m)?.[2] ?? NaN);
  };
  // A restored guest is told its size once it is up; until its init has applied it, its tty
  // may still have the pre-booted state's (none: stty says so): ask until it has.
  let before = NaN;
  await expect
    .poll(async () => (before = await guestColumns()), { intervals: [250, 500, 1000] })
    .toBeGreaterThan(80); // the panel is wider than a default 80-column tty

  await page.setViewportSize({ width: 900, height: 600 });
  // The new size reaches the guest a moment later (through its second serial port): ask again
  // until it does.
  await expect.poll(guestColumns, { intervals: [500, 1000, 2000] }).toBeLessThan(before);
});

test('the page asks nothing of any other origin', async ({ page, baseURL }) => {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(baseURL!) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      foreign.push(url);
    }
  });
  const lab = new Lab(page);
  await lab.bootToShell();
  await lab.run('echo done', /^done$/m);
  expect(foreign).toEqual([]);
});

test('time passes in the guest as it does outside: sleep 1 takes a second', async ({ page }) => {
  const lab = new Lab(page);
  await lab.bootToShell();
  // At least the second asked for (not the 0.01 s of a broken clock), and no longer than the
  // time the page itself saw pass between typing the command and reading its answer.
  const started = Date.now();
  await lab.run('time sleep 1', /^real\s+0m \d+\.\d+s$/m);
  const hostSeconds = (Date.now() - started) / 1000;
  const real = /^real\s+0m (\d+\.\d+)s$/m.exec(await lab.screenText());
  const guestSeconds = Number(real?.[1]);
  expect(guestSeconds).toBeGreaterThanOrEqual(0.99);
  expect(guestSeconds).toBeLessThanOrEqual(hostSeconds + 0.02);
});

test(
  'the lab starts from its pre-booted state; Cold boot shows the whole boot',
  { tag: '@timed' },
  async ({ page }) => {
    const lab = new Lab(page);
    await lab.bootToShell();
    await lab.openTool('Guest');
    await expect(page.getByTestId('started-from')).toContainText('saved boot state');
    await lab.run('echo hello > /tmp/marker; cat /tmp/marker', /^hello$/m);

    await lab.button('Cold boot').click();
    await expect(lab.status).toContainText('Booting');
    await lab.waitForPrompt();
    // The kernel's own messages stand above the prompt: the boot was shown, not hidden.
    await lab.expectScreen(/^Freeing unused kernel image .*\nWrite protecting kernel text/m);
    await lab.expectScreen(/^Run \/init as init process$/m);
    await expect(page.getByTestId('started-from')).toContainText('cold boot');
    // The kernel command line told the guest the lab's language: its welcome is in English only.
    await expect(lab.terminal).toContainText(
      "is running inside v86. Type 'aula' for things to try.",
    );
    await expect(lab.terminal).not.toContainText('prueba');
    await lab.run('cat /tmp/marker', /No such file or directory/);

    // The guest is right-sized (32 MB); this machine may be given more, and boots with it.
    await lab.run('free -m', /^Mem:\s+2\d\s/m);
    const memory = page.getByRole('combobox', { name: 'Memory of this machine' });
    await expect(memory).toHaveValue('32');
    await memory.selectOption('64');
    await lab.button('Restart with this memory').click();
    await expect(lab.status).toContainText('Booting');
    await lab.waitForPrompt();
    await lab.run('free -m', /^Mem:\s+4\d\s/m);
    await expect(memory).toHaveValue('64');
  },
);
