// The lab page as a test sees it: one helper per thing a user does or reads.
import { expect, type Locator, type Page } from '@playwright/test';

export class Lab {
  readonly terminal: Locator;
  readonly status: Locator;
  readonly alert: Locator;
  readonly instructions: Locator;

  /** `origin`: where the lab is served, when not the test server (e.g. one a test stops). */
  constructor(
    readonly page: Page,
    readonly origin = '',
  ) {
    // The machine on screen (the selected tab's; with one machine, the only one).
    this.terminal = page.locator('[role=tabpanel]:visible .xterm-rows');
    this.status = page.getByRole('status', { name: 'Machine state' });
    this.alert = page.getByRole('alert');
    this.instructions = page.getByTestId('instruction-count');
  }

  async open(query = 'lang=en'): Promise<void> {
    await this.page.goto(`${this.origin}/?${query}`);
  }

  /** Opens a tool from the tool bar (if it is not open): its pane. */
  openTool(name: string): Promise<Locator> {
    return openTool(this.page, name);
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** Opens the lab and waits for the guest's shell prompt. */
  async bootToShell(query?: string): Promise<void> {
    await this.open(query);
    await this.waitForPrompt();
  }

  async waitForPrompt(): Promise<void> {
    // The guest's welcome, in whichever language the lab speaks.
    await expect(this.terminal).toContainText(/aula86: Linux \S+ \(\S+\)/, { timeout: 60_000 });
    await this.expectScreen(/^root@pc\d+:~#$/m);
    await expect(this.status).toContainText('Running');
  }

  /** Types a command into the guest's shell and waits until `expected` appears on screen. */
  async run(command: string, expected: string | RegExp): Promise<void> {
    await this.page.locator('[role=tabpanel]:visible .xterm-screen').click();
    await this.page.keyboard.type(`${command}\n`);
    await this.expectScreen(expected);
  }

  /** Presses keys in the terminal (e.g. "Control+C" to stop what runs in the foreground). */
  async press(keys: string): Promise<void> {
    await this.page.locator('[role=tabpanel]:visible .xterm-screen').click();
    await this.page.keyboard.press(keys);
  }

  /** The terminal's text, one line per row, as a reader sees it (trailing blanks trimmed). */
  screenText(): Promise<string> {
    return readRows(this.terminal);
  }

  /** Waits until the screen shows `expected` (a regular expression is matched line by line). */
  async expectScreen(expected: string | RegExp): Promise<void> {
    await pollScreen(() => this.screenText(), expected, 'terminal');
  }

  /** One machine of the lab, by name (pc1, pc2, …). */
  machine(name: string): Machine {
    return new Machine(this.page, name);
  }

  /** Opens the lab with two machines (`?machines=2`) and waits for each one's prompt. */
  async openTwoMachines(): Promise<[Machine, Machine]> {
    await this.open('lang=en&machines=2');
    const machines: [Machine, Machine] = [this.machine('pc1'), this.machine('pc2')];
    for (const machine of machines) await machine.waitForPrompt();
    return machines;
  }

  /** Clicks "Add machine" and waits for the new machine's tab; returns it. */
  async addMachine(name: string): Promise<Machine> {
    await this.button('Add machine').click();
    const machine = this.machine(name);
    await expect(machine.tab).toHaveAttribute('aria-selected', 'true');
    return machine;
  }

  async instructionCount(): Promise<number> {
    return Number((await this.instructions.innerText()).replace(/\D/g, ''));
  }

  async sampleCount(): Promise<number> {
    return Number(await this.instructions.getAttribute('data-samples'));
  }

  /** Waits until the page has sampled the instruction counter `n` more times. */
  async waitForSamples(n: number): Promise<void> {
    const start = await this.sampleCount();
    await expect.poll(() => this.sampleCount()).toBeGreaterThanOrEqual(start + n);
  }
}

/** One machine of the lab as a test sees it: its tab, and its pane with a terminal. */
export class Machine {
  readonly tab: Locator;
  readonly pane: Locator;
  readonly status: Locator;

  constructor(
    readonly page: Page,
    readonly name: string,
  ) {
    this.tab = page.getByRole('tab', { name: new RegExp(`^${name}\\b`) });
    this.pane = page.locator(`[role=tabpanel][aria-label="${name}"]`);
    this.status = this.pane.getByRole('status', { name: 'Machine state' });
  }

  /** Selects this machine's tab: its terminal is the one on screen. */
  async show(): Promise<void> {
    await this.tab.click();
    await expect(this.tab).toHaveAttribute('aria-selected', 'true');
    await expect(this.pane).toBeVisible();
  }

  async waitForPrompt(): Promise<void> {
    await this.show();
    await this.expectScreen(new RegExp(`^root@${this.name}:~#$`, 'm'));
    await expect(this.status).toContainText('Running');
  }

  /** Types a command into this machine's shell (showing it first); returns without waiting. */
  async type(command: string): Promise<void> {
    await this.show();
    await this.pane.locator('.xterm-screen').click();
    await this.page.keyboard.type(`${command}\n`);
  }

  async run(command: string, expected: string | RegExp): Promise<void> {
    await this.type(command);
    await this.expectScreen(expected);
  }

  /** This machine's terminal text (shown first: a hidden terminal is not laid out in rows). */
  async screenText(): Promise<string> {
    await this.show();
    return readRows(this.pane.locator('.xterm-rows'));
  }

  async expectScreen(expected: string | RegExp): Promise<void> {
    await pollScreen(() => this.screenText(), expected, `${this.name}'s terminal`);
  }
}

/** Opens the tool `name` from the tool bar (if it is not open) and returns its pane. */
export async function openTool(page: Page, name: string): Promise<Locator> {
  const button = page
    .getByRole('toolbar', { name: /^(Tools|Herramientas)$/ })
    .getByRole('button', { name, exact: true });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const pane = page.getByRole('complementary', { name, exact: true });
  await expect(pane).toBeVisible();
  return pane;
}

/** A terminal's text, one line per row, as a reader sees it (trailing blanks trimmed). */
async function readRows(rows: Locator): Promise<string> {
  const text = (await rows.innerText()).replace(/\u00a0/g, ' ');
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
}

/** Polls `read` until it shows `expected` (a regular expression is matched line by line). */
async function pollScreen(
  read: () => Promise<string>,
  expected: string | RegExp,
  what: string,
): Promise<void> {
  let last = '';
  try {
    await expect
      .poll(
        async () => {
          last = await read();
          return typeof expected === 'string' ? last.includes(expected) : expected.test(last);
        },
        // Polled often: the default backs off to once a second, and a lesson waits on the
        // guest's output dozens of times.
        { message: `${what} shows ${String(expected)}`, intervals: [50, 100, 200] },
      )
      .toBe(true);
  } catch (error) {
    // What was on the screen is the first thing a failed lesson's reader needs.
    if (error instanceof Error) error.message += `\n\n${what} showed:\n${last}`;
    throw error;
  }
}
