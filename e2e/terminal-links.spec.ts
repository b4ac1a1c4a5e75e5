// Lesson: a link printed by the guest is a way out of the page. In a kiosk it opens nothing;
// in the lab it opens an http(s) address in a new tab, and only when clicked.
import { expect, test, type Page } from '@playwright/test';
import { Lab } from './lab';

/** Has the guest print an OSC 8 hyperlink to `url` with the text `label`, on a line of its own. */
async function printLink(lab: Lab, url: string, label: string): Promise<void> {
  // This link's own line (an earlier link's line is on screen too).
  await lab.run(
    `printf '\\033]8;;${url}\\033\\\\${label}\\033]8;;\\033\\\\\\n'`,
    new RegExp(`^${label}$`, 'm'),
  );
}

/** Clicks the link's text (the output line, not the command that printed it). */
async function clickLink(page: Page, label: string): Promise<void> {
  const row = page.locator('.xterm-rows > div').filter({ hasText: new RegExp(`^${label}\\s*$`) });
  // xterm redraws its rows (a new span each time): the box is read again until one holds,
  // and the click goes where that box was read.
  const span = row.locator('span').first();
  await expect
    .poll(
      async () => {
        const box = await span.boundingBox({ timeout: 1_000 }).catch(() => null);
        if (!box) return false;
        await page.mouse.move(box.x + 4, box.y + box.height / 2);
        await page.mouse.move(box.x + 8, box.y + box.height / 2);
        await page.mouse.down();
        await page.mouse.up();
        return true;
      },
      { message: 'the link is on screen and clicked' },
    )
    .toBe(true);
}

test('in kiosk mode a link the guest prints opens no page, even if its prompt is accepted', async ({
  page,
  context,
}) => {
  await page.route('**/kiosk.json', (route) => route.fulfill({ json: { enabled: true } }));
  const opened: string[] = [];
  context.on('page', (p) => opened.push(p.url()));
  page.on('dialog', (dialog) => void dialog.accept()); // a student who clicks "OK"
  const lab = new Lab(page);
  await lab.bootToShell('lang=en');
  await printLink(lab, 'http://127.0.0.1:4186/escape', 'link-kiosk');
  await clickLink(page, 'link-kiosk');
  await lab.run('echo still here', /^still here$/m);
  expect(opened).toEqual([]);
});

test('in the lab a clicked http link opens in a new tab; a javascript: link does nothing', async ({
  page,
  context,
}) => {
  const lab = new Lab(page);
  await lab.bootToShell('lang=en');
  await printLink(lab, 'javascript:document.title=1', 'link-script');
  await printLink(lab, 'http://127.0.0.1:4186/from-the-guest', 'link-web');

  page.on('dialog', (dialog) => void dialog.accept());
  await clickLink(page, 'link-script');
  const popup = context.waitForEvent('page');
  await clickLink(page, 'link-web');
  const tab = await popup;
  await expect.poll(() => tab.url()).toContain('/from-the-guest');
  // noopener: the new tab has no handle back to the lab.
  expect(await tab.evaluate(() => window.opener === null)).toBe(true);
  expect(await page.title()).toBe('aula86');
});
