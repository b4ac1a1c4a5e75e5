// The pages npm run bench measures: each measurement in a fresh browser context (no cache, no
// service worker from a previous run), and the app or the bare v86 page opened to its prompt.

/** Runs `use(page, context)` in a new context, closed afterwards whatever happens. */
export async function inFreshPage(browser, use, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  // A measurement that hangs (a page that never answers an evaluate) fails, and the bench goes
  // on: its context is closed under it.
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`no result in ${MEASUREMENT_LIMIT_MS / 1000} s`));
      void context.close();
    }, MEASUREMENT_LIMIT_MS);
  });
  try {
    return await Promise.race([context.newPage().then((page) => use(page, context)), limit]);
  } finally {
    clearTimeout(timer);
    await context.close();
  }
}

/** The longest one measurement (a page and what is done in it) may take. */
const MEASUREMENT_LIMIT_MS = 8 * 60_000;

/** Opens the lab and waits until its terminal shows the shell prompt. */
export async function openApp(page, url) {
  await page.goto(url);
  await page.locator('.xterm-rows').getByText('root@pc1:~#').waitFor({ timeout: 60_000 });
}

/** Opens the bare v86 page (bench/bare/) and waits until its guest has printed the prompt. */
export async function openBare(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => window.bare?.prompt, null, { timeout: 60_000 });
}
