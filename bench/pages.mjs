// The pages npm run bench measures: each measurement in a fresh browser context (no cache, no
// service worker from a previous run), and the app or the bare v86 page opened to its prompt.

/** Runs `use(page, context)` in a new context, closed afterwards whatever happens. */
export async function inFreshPage(browser, use, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  try {
    return await use(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

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
