// The workspace at a projector's 1280×720, in Spanish (its strings run longest), as a user sees
// it: the terminal's size as the guest's tty reports it (no tool open, and with the Snapshots
// pane beside it), whether "Save snapshot" and the speed figure are wholly in view without
// scrolling, and the time from a click on a tool (the Network, loaded when first opened) to its
// pane drawn. The bare v86 page has no workspace: its column is empty.
import { inFreshPage, openApp } from './pages.mjs';

const VIEWPORT = { width: 1280, height: 720 };

/**
 * The guest's `stty size`, asked afresh: [rows, columns]. Its own marker ends each answer, and an
 * answer interrupted by a resize ("stty: … No child processes") is asked again.
 */
let asked = 0;
async function guestSize(page) {
  const rows = page.locator('[role=tabpanel]:visible .xterm-rows');
  for (let attempt = 0; attempt < 3; attempt++) {
    const marker = `sized-${++asked}`;
    await page.locator('.xterm-screen').click();
    await page.keyboard.type(`clear; stty size; echo ${marker}\n`);
    // The rows' text line by line (their text content runs the rows together).
    const answer = new RegExp(`^${marker}$`, 'm');
    const lines = async () => (await rows.innerText()).replace(/\u00a0/g, ' ');
    const until = Date.now() + 30_000;
    while (!answer.test(await lines())) {
      if (Date.now() > until) throw new Error(`no ${marker} on screen in 30 s`);
      await page.waitForTimeout(50);
    }
    const text = await lines();
    const match = new RegExp(`^(\\d+) (\\d+)\\n${marker}$`, 'm').exec(text);
    if (match) return [Number(match[1]), Number(match[2])];
  }
  throw new Error('stty size never answered');
}

const wholeInView = (page, locator) =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
  });

export function appWorkspace(browser, base) {
  return inFreshPage(
    browser,
    async (page) => {
      await openApp(page, `${base}/?lang=es`);
      const [rows, columns] = await guestSize(page);
      const save = page.getByRole('button', { name: 'Guardar instantánea' });
      const inView =
        (await wholeInView(page, save)) && (await wholeInView(page, page.getByTestId('mips')));
      const tool = (name) =>
        page
          .getByRole('toolbar', { name: 'Herramientas' })
          .getByRole('button', { name, exact: true });
      // From the click's input event to the pane's heading on screen (the page's own clock).
      const opened = page.evaluate(
        () =>
          new Promise((resolve) => {
            addEventListener(
              'pointerdown',
              (event) => {
                const clicked = event.timeStamp;
                const watch = new MutationObserver(() => {
                  if (!document.querySelector('#tool-pane h2')) return;
                  watch.disconnect();
                  requestAnimationFrame(() => resolve(performance.now() - clicked));
                });
                watch.observe(document.body, { subtree: true, childList: true });
              },
              { once: true, capture: true },
            );
          }),
      );
      await tool('Red').click();
      const toolOpenMs = await opened;
      await tool('Instantáneas').click();
      await page.locator('#tool-pane h2').filter({ hasText: 'Instantáneas' }).waitFor();
      const [, columnsWithTool] = await guestSize(page);
      return { columns, rows, columnsWithTool, inView: inView ? 1 : 0, toolOpenMs };
    },
    { viewport: VIEWPORT },
  );
}

/** The bare page has no workspace: nothing to measure, its column stays empty. */
export function bareWorkspace() {
  return Promise.resolve({});
}
