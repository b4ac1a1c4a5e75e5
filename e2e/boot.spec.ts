// Lesson 1: a real Linux boots inside the browser, and answers like one.
import { expect, test } from '@playwright/test';
import { Lab } from './lab';

test('boots to a shell prompt and runs commands in the guest', async ({ page }) => {
  const lab = new Lab(page);
  await lab.bootToShell();

  await lab.run('uname -m', /^i686$/m);
  await lab.run('echo $((6 * 7))', /^42$/m);
  await expect(page.getByTestId('boot-time')).toContainText(/\d+\.\d\d s/);
});

test('the guest is told the terminal size, and follows a resize', async ({ page }) => {
  const lab = new Lab(page);
  await lab.bootToShell();
  await lab.run('stty size', /^\d+ \d+$/m);
  const before = (await lab.screenText()).match(/^(\d+) (\d+)$/m)!;

  await page.setViewportSize({ width: 900, height: 600 });
  await lab.run('clear; stty size', /^\d+ \d+$/m);
  await expect
    .poll(async () => (await lab.screenText()).match(/^(\d+) (\d+)$/m)?.[2])
    .not.toBe(before[2]);
  const cols = Number((await lab.screenText()).match(/^(\d+) (\d+)$/m)![2]);
  expect(cols).toBeLessThan(Number(before[2]));
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
