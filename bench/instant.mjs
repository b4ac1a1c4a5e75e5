// The instant-start figures of npm run bench: the app resuming its pre-booted state with a cold
// cache, with a warm cache (the service worker's), and offline; and the bare v86 page resuming
// the same state file, as the baseline.
import { inFreshPage } from './pages.mjs';

const PROMPT_ON_SCREEN = () => {
  new MutationObserver((_, observer) => {
    if (document.querySelector('.xterm-rows')?.textContent?.includes('root@pc1:~#')) {
      performance.mark('prompt-on-screen');
      observer.disconnect();
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
};

/** Navigates (or reloads) and returns ms from navigation to the prompt mark and to it on screen. */
async function timeToPrompt(page, go, promptMark, onScreen) {
  await go();
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, promptMark, {
    timeout: 60_000,
    polling: 10,
  });
  if (onScreen) {
    await page.waitForFunction(
      () => performance.getEntriesByName('prompt-on-screen').length > 0,
      null,
      { timeout: 60_000, polling: 10 },
    );
  }
  return page.evaluate(
    ([m, shown]) => ({
      prompt: performance.getEntriesByName(m)[0].startTime,
      shown: shown ? performance.getEntriesByName('prompt-on-screen')[0].startTime : NaN,
    }),
    [promptMark, onScreen],
  );
}

/** One fresh context: first visit (cold cache), then a reload served by the service worker, then offline. */
export function appInstant(browser, url) {
  return inFreshPage(
    browser,
    async (page, context) => {
      await page.addInitScript(PROMPT_ON_SCREEN);
      const cold = await timeToPrompt(page, () => page.goto(url), 'aula86:prompt', true);
      // The service worker precaches after the first boot: wait until it says so.
      await page
        .getByRole('status', { name: 'Network' })
        .getByText('Ready offline')
        .waitFor({ timeout: 60_000 });
      const warm = await timeToPrompt(page, () => page.reload(), 'aula86:prompt', true);
      await context.setOffline(true);
      const offline = await timeToPrompt(page, () => page.reload(), 'aula86:prompt', true);
      return {
        coldPrompt: cold.prompt,
        coldShown: cold.shown,
        warmPrompt: warm.prompt,
        warmShown: warm.shown,
        offlinePrompt: offline.prompt,
        offlineShown: offline.shown,
      };
    },
    { serviceWorkers: 'allow' },
  );
}

/** The bare page resuming the same state, cold cache (it has no service worker). */
export function bareInstant(browser, url) {
  return inFreshPage(browser, async (page) => {
    const cold = await timeToPrompt(page, () => page.goto(url), 'prompt', false);
    return { coldPrompt: cold.prompt, coldShown: cold.prompt };
  });
}
