// "The shell answers": from navigation until the guest has answered `echo $((6*7))`, typed the
// moment its prompt is there, as a user feels it. The app gets real key presses in its focused
// terminal and the answer is read off the screen; the bare v86 page gets the same bytes on its
// serial port and the answer is read off its output.
import { inFreshPage } from './pages.mjs';

const COMMAND = 'echo $((6*7))';

/**
 * Marks 'prompt-on-screen' and 'answer-on-screen' as the app's terminal shows them. Each row's
 * text content is read (no layout): innerText at every change would make the page lay itself
 * out again and again while a cold boot's kernel messages stream in, and slow what it measures.
 */
const WATCH_SCREEN = () => {
  const lines = () =>
    [...(document.querySelector('.xterm-rows')?.children ?? [])].map((row) =>
      (row.textContent ?? '').replace(/\u00a0/g, ' '),
    );
  new MutationObserver((_, observer) => {
    const text = lines();
    if (
      !performance.getEntriesByName('prompt-on-screen').length &&
      text.some((line) => line.includes('root@pc1:~#'))
    )
      performance.mark('prompt-on-screen');
    if (text.some((line) => /^42\s*$/.test(line))) {
      performance.mark('answer-on-screen');
      observer.disconnect();
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
};

/**
 * A real click on `selector`: ms from the input event to the next frame the page draws (how
 * busy the page is: input waiting behind other work, then the frame behind it).
 */
async function clickLatency(page, selector) {
  await page.evaluate((sel) => {
    window.__click = new Promise((resolve) => {
      document
        .querySelector(sel)
        .addEventListener(
          'pointerdown',
          (event) => requestAnimationFrame(() => resolve(performance.now() - event.timeStamp)),
          { once: true },
        );
    });
  }, selector);
  const box = await page.locator(selector).boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  return page.evaluate(() => window.__click);
}

const marks = (page, names) =>
  page.evaluate(
    (list) =>
      Object.fromEntries(
        list.map((n) => [n, performance.getEntriesByName(n)[0]?.startTime ?? NaN]),
      ),
    names,
  );

/** The app from `url` (its pre-booted state, or a cold boot with ?boot=cold). */
export function appAnswer(browser, url) {
  return inFreshPage(browser, async (page) => {
    await page.addInitScript(WATCH_SCREEN);
    const dbg = {};
    page.on('worker', (w) =>
      w.on('console', (m) => {
        const [, n, t] = m.text().split(' ');
        if (n) dbg[n] = Number(t);
      }),
    );
    await page.goto(url);
    await page.waitForFunction(
      () => performance.getEntriesByName('prompt-on-screen').length,
      null,
      {
        timeout: 60_000,
        polling: 5,
      },
    );
    // The terminal has the focus from the start: the keys go straight in.
    await page.keyboard.type(`${COMMAND}\n`);
    await page.waitForFunction(
      () => performance.getEntriesByName('answer-on-screen').length,
      null,
      {
        timeout: 60_000,
        polling: 5,
      },
    );
    const clickMs = await clickLatency(page, '.xterm-screen');
    const m = await marks(page, [
      'aula86:start',
      'aula86:images-ready',
      'aula86:new-v86',
      'aula86:prompt',
      'prompt-on-screen',
      'answer-on-screen',
      'dbg:manifest',
      'dbg:state',
    ]);
    return {
      promptShown: m['prompt-on-screen'],
      answer: m['answer-on-screen'],
      prompt: m['aula86:prompt'],
      start: m['aula86:start'],
      imagesReady: m['aula86:images-ready'],
      newV86: m['aula86:new-v86'],
      clickMs,
      manifest: m['dbg:manifest'],
      state: m['dbg:state'],
    };
  });
}

/** The bare page from `url` (?state: the same pre-booted state; else a cold boot). */
export function bareAnswer(browser, url) {
  return inFreshPage(browser, async (page) => {
    await page.goto(url);
    await page.waitForFunction(() => window.bare?.prompt, null, { timeout: 60_000, polling: 5 });
    await page.evaluate(() => {
      const from = window.bare.text().length;
      window.bare.emulator.add_listener('serial0-output-byte', function listener() {
        if (/\n42\r?\n/.test(window.bare.text().slice(from))) {
          performance.mark('answer');
          window.bare.emulator.remove_listener('serial0-output-byte', listener);
        }
      });
    });
    // Typed as into the lab: one key press at a time (bare.js sends each to the serial port).
    await page.keyboard.type(`${COMMAND}\n`);
    await page.waitForFunction(() => performance.getEntriesByName('answer').length, null, {
      timeout: 60_000,
      polling: 5,
    });
    const clickMs = await clickLatency(page, 'html');
    const m = await marks(page, ['new-v86', 'prompt', 'answer']);
    return {
      promptShown: m.prompt,
      answer: m.answer,
      prompt: m.prompt,
      newV86: m['new-v86'],
      clickMs,
    };
  });
}
