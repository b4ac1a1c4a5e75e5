// The lab in Firefox as a lesson sees it: Debian's firefox-esr driven over WebDriver BiDi by
// puppeteer-core (Playwright's BiDi driver asks this Firefox for commands it does not have yet),
// against the built app served as static files. One helper per thing a user does or reads.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { Server } from 'node:http';
import { firefoxExecutable } from '../../scripts/firefox.mjs';
import { startServer } from '../../bench/server.mjs';

const WAIT = { timeout: 60_000, polling: 100 };

export class FirefoxLab {
  private constructor(
    readonly browser: Browser,
    readonly page: Page,
    private readonly server: Server,
    readonly base: string,
  ) {}

  static async open(query: string, viewport = { width: 1280, height: 720 }): Promise<FirefoxLab> {
    const executablePath = firefoxExecutable();
    if (!executablePath) throw new Error('no Firefox: set FIREFOX_PATH or install firefox-esr');
    const server = await startServer({ '/': new URL('../../dist', import.meta.url).pathname });
    const address = server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      protocol: 'webDriverBiDi',
    });
    const page = await browser.newPage();
    await page.setViewport(viewport);
    const lab = new FirefoxLab(browser, page, server, base);
    await page.goto(`${base}/?${query}`);
    await lab.waitForScreen(/^root@pc1:~#/m);
    return lab;
  }

  async close(): Promise<void> {
    await this.browser.close();
    this.server.close();
  }

  /** The terminal's text, one line per row (trailing blanks trimmed). */
  screenText(): Promise<string> {
    return this.page.$eval('[role=tabpanel]:not([hidden]) .xterm-rows', (rows) =>
      (rows as HTMLElement).innerText
        .replace(/\u00a0/g, ' ')
        .split('\n')
        .map((line) => line.trimEnd())
        .join('\n'),
    );
  }

  /** Waits until the terminal shows `expected` (matched line by line). */
  async waitForScreen(expected: RegExp): Promise<void> {
    await this.page.waitForFunction(
      (source: string, flags: string) => {
        const rows = document.querySelector<HTMLElement>(
          '[role=tabpanel]:not([hidden]) .xterm-rows',
        );
        const text = (rows?.innerText ?? '').replace(/\u00a0/g, ' ');
        const lines = text.split('\n').map((l) => l.trimEnd());
        return new RegExp(source, flags).test(lines.join('\n'));
      },
      WAIT,
      expected.source,
      expected.flags,
    );
  }

  /** Types a command into the shell and waits until `expected` shows. */
  async run(command: string, expected: RegExp): Promise<void> {
    await this.page.click('[role=tabpanel]:not([hidden]) .xterm-screen');
    await this.page.keyboard.type(`${command}\n`);
    await this.waitForScreen(expected);
  }

  /** Clicks the button named `name` (its text, or its aria-label). */
  async click(name: string): Promise<void> {
    const button = await this.page.waitForFunction(
      (label: string) =>
        [...document.querySelectorAll('button')].find(
          (b) =>
            b.offsetParent !== null &&
            !b.disabled &&
            (b.textContent?.trim() === label || b.getAttribute('aria-label') === label),
        ) ?? false,
      WAIT,
      name,
    );
    await (button as unknown as { click(): Promise<void> }).click();
  }

  /** Waits until some element's text matches `expected`; its text. */
  async waitForText(selector: string, expected: RegExp): Promise<string> {
    const handle = await this.page.waitForFunction(
      (sel: string, source: string) =>
        [...document.querySelectorAll<HTMLElement>(sel)]
          .map((e) => e.innerText)
          .find((text) => new RegExp(source).test(text)) ?? false,
      WAIT,
      selector,
      expected.source,
    );
    return (await handle.jsonValue()) as string;
  }

  /** Whether the element matching `selector` is wholly inside the window. */
  inViewport(selector: string): Promise<boolean> {
    return this.page.$eval(selector, (el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
    });
  }
}
