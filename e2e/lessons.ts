// The Lessons tool as a test sees it: the list, the lesson being worked through, its steps.
import { expect, type Locator, type Page } from '@playwright/test';
import { openTool } from './lab';

export class LessonPane {
  readonly pane: Locator;
  readonly steps: Locator;

  constructor(
    readonly page: Page,
    readonly toolName = 'Lessons',
  ) {
    this.pane = page.getByRole('complementary', { name: toolName, exact: true });
    this.steps = this.pane.getByRole('listitem').filter({ has: page.getByTestId('step-state') });
  }

  /** Opens the Lessons tool (if it is not open): the lesson being worked through, or the list. */
  async show(): Promise<void> {
    await openTool(this.page, this.toolName);
  }

  async openLesson(title: string): Promise<void> {
    await openTool(this.page, this.toolName);
    await this.pane.getByRole('button', { name: title, exact: true }).click();
  }

  /** The state the steps list shows for step `n` (1-based): to do, done, not yet… */
  state(n: number): Locator {
    return this.steps.nth(n - 1).getByTestId('step-state');
  }

  button(name: string): Locator {
    return this.pane.getByRole('button', { name, exact: true });
  }

  /** The step shown now, by its heading. */
  async expectStep(title: string): Promise<void> {
    await expect(this.pane.getByRole('article', { name: title })).toBeVisible();
  }
}
