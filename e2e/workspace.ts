// The workspace as a test sees it: the tool bar and its panes, the page's scroll, the guest's
// idea of its terminal's size, and a check that no text runs out of its box.
import { expect, type Locator, type Page } from '@playwright/test';
import type { Lab } from './lab';

export class Workspace {
  readonly toolbar: Locator;
  #asked = 0;

  constructor(
    readonly page: Page,
    readonly lab: Lab,
  ) {
    this.toolbar = page.getByRole('toolbar', { name: /^(Tools|Herramientas)$/ });
  }

  tool(name: string): Locator {
    return this.toolbar.getByRole('button', { name, exact: true });
  }

  pane(name: string): Locator {
    return this.page.getByRole('complementary', { name, exact: true });
  }

  /** Opens a tool from the bar and waits for its content (loaded when first opened). */
  async open(name: string): Promise<Locator> {
    const button = this.tool(name);
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    const pane = this.pane(name);
    await expect(pane.getByRole('heading').first()).toBeVisible();
    return pane;
  }

  /** The guest's tty size, asked afresh on a cleared screen: [rows, columns]. */
  async guestSize(): Promise<[number, number]> {
    // stty's ioctl can be interrupted by the resize the lab sends as the page settles ("stty:
    // standard input: No child processes"): then it is asked again, as a user would.
    // A marker of its own ends each answer: an older one still on screen is never read.
    for (let attempt = 0; ; attempt++) {
      const marker = `sized-${++this.#asked}`;
      await this.lab.run(`clear; stty size; echo ${marker}`, new RegExp(`^${marker}$`, 'm'));
      const match = new RegExp(`^(\\d+) (\\d+)\\n${marker}$`, 'm').exec(
        await this.lab.screenText(),
      );
      if (match || attempt === 2) return [Number(match?.[1] ?? NaN), Number(match?.[2] ?? NaN)];
    }
  }

  /** The guest's tty size once the page has settled: the same answer twice running (the
   * terminal's last fit reaches the guest a moment after the prompt, later on a busy machine). */
  async settledGuestSize(): Promise<[number, number]> {
    let last = await this.guestSize();
    await expect
      .poll(
        async () => {
          const [before, now] = [last, await this.guestSize()];
          last = now;
          return now[0] === before[0] && now[1] === before[1] && now[1] >= 80;
        },
        { intervals: [300, 600, 1000] },
      )
      .toBe(true);
    return last;
  }

  /** Waits until the guest's tty has `columns` (a resize reaches it a moment later). */
  async expectGuestColumns(check: (columns: number) => boolean): Promise<number> {
    let columns = NaN;
    await expect
      .poll(
        async () => {
          columns = (await this.guestSize())[1];
          return check(columns);
        },
        { intervals: [300, 600, 1000] },
      )
      .toBe(true);
    return columns;
  }

  /** How far the page scrolls (0: the whole workspace fits the window). */
  pageScroll(): Promise<{ vertical: number; horizontal: number }> {
    return this.page.evaluate(() => {
      const root = document.scrollingElement ?? document.documentElement;
      return {
        vertical: root.scrollHeight - root.clientHeight,
        horizontal: root.scrollWidth - root.clientWidth,
      };
    });
  }

  /**
   * Every visible element whose own text is wider or taller than its box (clipped, or spilling
   * over its neighbours), described for the failure message. Scrolling boxes are fine (their
   * text is reachable), as is a name cut with an ellipsis that shows whole as a tooltip; the
   * terminal's rows are the guest's business.
   */
  overflowingText(): Promise<string[]> {
    return this.page.evaluate(() => {
      const found: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('body *')) {
        if (el.closest('.xterm, svg, [hidden], .visually-hidden, [data-testid="screen-text"]'))
          continue;
        const ownText = [...el.childNodes].some(
          (n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '',
        );
        if (!ownText) continue;
        const style = getComputedStyle(el);
        if (style.display === 'inline' || style.display === 'contents') continue;
        if (el.getClientRects().length === 0 || style.visibility === 'hidden') continue;
        if (/auto|scroll/.test(style.overflowX + style.overflowY)) continue;
        if (style.textOverflow === 'ellipsis' && el.title) continue;
        const wide = el.scrollWidth - el.clientWidth;
        const tall = el.scrollHeight - el.clientHeight;
        if (wide > 1 || (tall > 1 && style.overflowY === 'hidden')) {
          found.push(
            `${el.tagName.toLowerCase()}.${el.className}: “${el.textContent.trim().slice(0, 60)}” +${wide}px`,
          );
        }
      }
      return found;
    });
  }
}
