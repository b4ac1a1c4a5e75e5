// Lessons, measured as the student feels them: a step's command pressed Enter on → the step
// shown done (its check asked the guest over the agent and passed), beside the bare page, where
// the same command's prompt coming back is the soonest anything can say it ran.
import { inFreshPage, openApp, openBare } from './pages.mjs';

const ROUNDS = 5;
const COMMAND = 'echo "my work" > /root/work.txt';
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export function appLessonCheck(browser, base) {
  return inFreshPage(browser, async (page) => {
    await openApp(page, `${base}/?lang=en&tool=lessons`);
    const pane = page.getByRole('complementary', { name: 'Lessons', exact: true });
    await pane.getByRole('button', { name: 'Snapshots', exact: true }).click();
    const firstState = page.getByTestId('step-state').first();
    const times = [];
    for (let i = 0; i < ROUNDS; i++) {
      // The file goes first: a step whose work is there is done again as soon as it is checked.
      await page.locator('.xterm-screen').click();
      await page.keyboard.type('clear\n');
      await page.keyboard.type(`rm -f /root/work.txt; echo go"ne-${i}-of-${ROUNDS}"\n`);
      await page.waitForFunction(
        (mark) => document.querySelector('.xterm-rows')?.textContent?.includes(mark),
        `gone-${i}-of-${ROUNDS}`,
      );
      // Start over asks, then puts pc1 back to a fresh start: its shell answers again first.
      await pane.getByRole('button', { name: 'Start over', exact: true }).click();
      await pane
        .getByRole('group', { name: 'Start over' })
        .getByRole('button', { name: 'Start over', exact: true })
        .click();
      await firstState.filter({ hasText: 'to do' }).waitFor();
      await page.locator('.xterm-screen').click();
      await page.keyboard.type(`clear; echo rea"dy-${i}"\n`);
      await page.waitForFunction(
        (mark) => document.querySelector('.xterm-rows')?.textContent?.includes(mark),
        `ready-${i}`,
        { timeout: 60_000 },
      );
      await page.keyboard.type(COMMAND);
      // Watched in the page: from the Enter key going down to the step's state reading "done".
      await page.evaluate(() => {
        const state = document.querySelector('[data-testid="step-state"]');
        window.__lessonShown = new Promise((resolve) => {
          let started = 0;
          document.addEventListener(
            'keydown',
            (event) => {
              if (event.key === 'Enter') started = performance.now();
            },
            { capture: true, once: true },
          );
          const observer = new MutationObserver(() => {
            if (!started || state?.textContent?.trim() !== 'done') return;
            observer.disconnect();
            resolve(performance.now() - started);
          });
          observer.observe(state, { childList: true, characterData: true, subtree: true });
        });
      });
      await page.keyboard.press('Enter');
      const shown = page.evaluate(() => window.__lessonShown);
      times.push(await shown);
    }
    return { lessonCheckMs: median(times) };
  });
}

export function bareLessonCheck(browser, base) {
  return inFreshPage(browser, async (page) => {
    await openBare(page, `${base}/bare/?state`);
    const times = [];
    for (let i = 0; i < ROUNDS; i++) {
      const { ms } = await page.evaluate(
        (command) => window.bare.runCommand(command, '# '),
        COMMAND,
      );
      times.push(ms);
    }
    return { lessonCheckMs: median(times) };
  });
}
