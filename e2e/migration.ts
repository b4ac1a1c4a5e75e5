// Live migration as a test sees it: the Migration tool of one host (a tab of the lab), its
// hosts, the move, and the figures it shows.
import { expect, type Locator, type Page } from '@playwright/test';
import { openTool } from './lab';

export class MigrationTool {
  readonly pane: Locator;
  /** The lab's migrations, newest first. */
  readonly history: Locator;

  constructor(readonly page: Page) {
    this.pane = page.getByRole('complementary', { name: 'Migration', exact: true });
    this.history = this.pane.getByRole('list', { name: 'Migrations of this lab' });
  }

  async open(): Promise<void> {
    await openTool(this.page, 'Migration');
  }

  /** Waits until this host sees another host called `name`. */
  async expectHost(name: string): Promise<void> {
    await expect(this.pane.getByRole('list', { name: 'Other hosts' })).toContainText(name);
  }

  /** Moves `machine` to host `to`: live (pre-copy) or stopped (stop-and-copy). */
  async move(machine: string, to: string, live = true): Promise<void> {
    await this.pane.getByRole('combobox', { name: /^Machine\b/ }).selectOption({ label: machine });
    await this.pane.getByRole('combobox', { name: /^To\b/ }).selectOption({ label: to });
    await this.pane.getByRole('button', { name: live ? 'Migrate live' : 'Move stopped' }).click();
  }

  /** Moves `machine` to host `to` from the machine's own "Migrate…" menu (which opens the
   * Migration tool, where the move shows). */
  async moveByMenu(machine: string, to: string, live = true): Promise<void> {
    const menu = await openMigrateMenu(this.page, machine);
    const item = live ? `Migrate live to ${to}` : `Move stopped to ${to}`;
    await menu.getByRole('menuitem', { name: item }).click();
    await expect(menu).toBeHidden();
  }

  /** The latest migration's figures, once shown: its downtime in ms. */
  async lastDowntimeMs(): Promise<number> {
    const downtime = this.pane.getByTestId('downtime').first();
    await expect(downtime).toHaveText(/^[\d,]+ ms$/);
    return Number((await downtime.innerText()).replace(/[^\d]/g, ''));
  }
}

/** The "Migrate…" button in `machine`'s own bar. */
export function migrateButton(page: Page, machine: string): Locator {
  return page
    .getByRole('tabpanel', { name: machine, exact: true })
    .getByRole('button', { name: 'Migrate…' });
}

/** `machine`'s own "Migrate…" menu, opened. */
export async function openMigrateMenu(page: Page, machine: string): Promise<Locator> {
  await migrateButton(page, machine).click();
  const menu = page.getByRole('menu', { name: `Move ${machine} to another host` });
  await expect(menu).toBeVisible();
  return menu;
}
