// Lesson: the guest agent. The lab asks the guest things on a channel of its own (the second
// serial port), so a program of the lab never types into the student's shell: the student's
// `top` keeps drawing, and nothing of the question or its answer shows in the terminal.
import { expect, test } from '@playwright/test';
import { Lab } from './lab';

test('the agent answers while the student’s top keeps drawing, and nothing of it shows in the terminal', async ({
  page,
}) => {
  const lab = new Lab(page);
  await lab.bootToShell();
  await lab.run('top -d 1', /^Mem:/m);

  await lab.openTool('Guest');
  await lab.button('Ask the guest').click();
  const answer = page.getByTestId('guest-uptime');
  await expect(answer).toContainText(/^Up \d+ s by its own clock; its agent answered in \d+ ms/);
  // The guest's uptime is the guest's own: a number read from its /proc, not the page's clock.
  const seconds = Number(/Up (\d+) s/.exec(await answer.innerText())![1]);
  expect(seconds).toBeGreaterThan(0);

  // top is still drawing (its screen changes), and the terminal shows none of the agent's work.
  const before = await lab.screenText();
  await expect.poll(() => lab.screenText()).not.toBe(before);
  const screen = await lab.screenText();
  expect(screen).toMatch(/^Mem:/m);
  expect(screen).not.toMatch(/proc\/uptime|^[opx] [0-9a-f]{8} /m);

  await lab.press('q');
  await lab.run('echo shell-still-mine', /^shell-still-mine$/m);
});
