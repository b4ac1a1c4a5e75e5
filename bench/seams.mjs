// The seams, measured as a program of the lab feels them, beside the bare v86 page:
// - the guest agent's round trip for `true` ("Ask the guest": its own channel, the second
//   serial port), on an idle guest and while the guest computes flat out; the bare page has no
//   agent: its figure is `true` typed into the shell and the prompt back, the only way a page
//   without one gets an answer from the guest.
import { inFreshPage, openApp, openBare } from './pages.mjs';

/** Round trips asked for per measurement: their median is the figure. */
const ASKS = 5;
const BUSY = '(while :; do :; done) &';
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** After the prompt the lab readies a spare machine and stores the snapshots' base first. */
const settle = (page) =>
  page.waitForFunction(() => document.querySelector('[data-base-ready=true]'), null, {
    timeout: 120_000,
  });

/** Clicks "Ask the guest" `ASKS` times: the agent's round trips for `true` it showed, ms. */
async function askGuest(page) {
  const button = page.getByRole('button', { name: 'Ask the guest' });
  const answer = page.getByTestId('guest-uptime');
  const trips = [];
  for (let i = 0; i < ASKS; i++) {
    const before = await answer.getAttribute('data-round-trip').catch(() => null);
    await button.click();
    await page.waitForFunction(
      (previous) => {
        const shown = document.querySelector('[data-testid="guest-uptime"]');
        const button = [...document.querySelectorAll('button')].find(
          (b) => b.textContent?.trim() === 'Ask the guest',
        );
        return shown && !button?.disabled && shown.dataset.roundTrip !== previous;
      },
      before,
      { timeout: 30_000 },
    );
    trips.push(Number(await answer.getAttribute('data-round-trip')));
  }
  return median(trips);
}

export function appAgent(browser, base) {
  return inFreshPage(browser, async (page) => {
    await openApp(page, `${base}/?lang=en&tool=guest`);
    await settle(page);
    const agentIdleMs = await askGuest(page);
    await page.locator('.xterm-screen').click();
    await page.keyboard.type(`${BUSY}\n`);
    await page.waitForTimeout(1_000);
    const agentBusyMs = await askGuest(page);
    return { agentIdleMs, agentBusyMs };
  });
}

export function bareAgent(browser, base) {
  return inFreshPage(browser, async (page) => {
    await openBare(page, `${base}/bare/?state`);
    const typed = async () => {
      const trips = [];
      for (let i = 0; i < ASKS; i++) {
        const { ms } = await page.evaluate(() => window.bare.runCommand('true', '# '));
        trips.push(ms);
      }
      return median(trips);
    };
    const agentIdleMs = await typed();
    await page.evaluate((command) => window.bare.runCommand(command, '# '), BUSY);
    await page.waitForTimeout(1_000);
    const agentBusyMs = await typed();
    return { agentIdleMs, agentBusyMs };
  });
}
