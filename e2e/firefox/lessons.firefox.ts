// The core lessons in Firefox (many school desktops run Firefox ESR): a real Linux boots and
// answers; a snapshot is saved, the guest broken, the snapshot restored; the workspace fits a
// projector's 1280×720 with an 80-column terminal, Save and the speed in view.
import { afterEach, describe, expect, it } from 'vitest';
import { FirefoxLab } from './firefoxLab';

let lab: FirefoxLab | undefined;
afterEach(async () => {
  await lab?.close();
  lab = undefined;
});

describe('in Firefox', () => {
  it('boots to a shell prompt and runs commands in the guest', async () => {
    lab = await FirefoxLab.open('lang=en');
    await lab.run('uname -m', /^i686$/m);
    await lab.run('echo $((6 * 7))', /^42$/m);
  });

  it('saves a snapshot, and restoring it brings back what was destroyed', async () => {
    lab = await FirefoxLab.open('lang=en');
    await lab.run('echo lesson-one > /root/notes.txt; echo written', /^written$/m);
    await lab.click('Save snapshot');
    const saved = await lab.waitForText('[role=status]', /^Saved/);
    expect(saved).toMatch(/^Saved/);
    await lab.run('rm /root/notes.txt; ls /root/notes.txt', /No such file or directory/);
    // The latest snapshot, from the strip under the terminal.
    await lab.page.click('[role=group][aria-label="Latest snapshots"] li button');
    await lab.waitForText('[role=status]', /^Restored/);
    await lab.run('clear; cat /root/notes.txt', /^lesson-one$/m);
  });

  it('fits 1280×720: an 80×24 terminal, Save and the speed in view, no page scroll', async () => {
    lab = await FirefoxLab.open('lang=es');
    await lab.run('clear; stty size', /^\d+ \d+$/m);
    const [rows, columns] = /^(\d+) (\d+)$/m
      .exec(await lab.screenText())!
      .slice(1)
      .map(Number);
    expect(columns).toBeGreaterThanOrEqual(80);
    expect(rows).toBeGreaterThanOrEqual(24);
    expect(await lab.inViewport('[data-testid="mips"]')).toBe(true);
    expect(
      await lab.inViewport('[role=group][aria-label="Últimas instantáneas"] button.primary'),
    ).toBe(true);
    const scroll = await lab.page.evaluate(() => {
      const root = document.scrollingElement ?? document.documentElement;
      return root.scrollHeight - root.clientHeight + root.scrollWidth - root.clientWidth;
    });
    expect(scroll).toBe(0);
  });
});
