// A machine's screen as a test sees it: the text the VGA text mode shows, read from the page's
// copy of the text buffer, and the keyboard captured by a click.
import { expect, type Locator, type Page } from '@playwright/test';

export class Screen {
  readonly surface: Locator;
  readonly text: Locator;

  constructor(readonly page: Page) {
    const pane = page.locator('[role=tabpanel]:visible');
    this.surface = pane.getByRole('application', { name: /^Screen of / });
    this.text = pane.getByTestId('screen-text');
  }

  /** Waits until the text screen shows `expected` (a regular expression: line by line). */
  async expectText(expected: string | RegExp, timeout = 30_000): Promise<void> {
    await expect
      .poll(
        async () => {
          const rows = (await this.text.textContent()) ?? '';
          return typeof expected === 'string'
            ? rows.includes(expected)
            : rows.split('\n').some((row) => expected.test(row));
        },
        { timeout, message: `the screen should show ${String(expected)}` },
      )
      .toBe(true);
  }

  /** Clicks the screen (the guest gets the keyboard) and types a command line. */
  async type(command: string): Promise<void> {
    await this.capture();
    await this.page.keyboard.type(command);
    await this.page.keyboard.press('Enter');
  }

  async capture(): Promise<void> {
    await this.surface.click();
    await expect(this.page.getByText('Press Right Ctrl to release them')).toBeVisible();
  }

  /** Frames the page has drawn since the view opened. */
  async framesDrawn(): Promise<number> {
    return Number(await this.surface.getAttribute('data-frames'));
  }
}
