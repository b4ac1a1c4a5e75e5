// The "cost of emulation" part of the lab as a test sees it: the live speed and the benchmark.
import { expect, type Locator, type Page } from '@playwright/test';
import { openTool } from './lab';

export type Place = 'Host (WebAssembly)' | 'Guest, JIT on' | 'Guest, JIT off';
export type Workload =
  | 'Integer (CRC-32)'
  | 'Memory (copy and scan 1 MiB)'
  | 'Floating point (Mandelbrot)'
  | 'System calls (umask loop)';

const PLACE_IDS: Record<Place, string> = {
  'Host (WebAssembly)': 'host',
  'Guest, JIT on': 'jit',
  'Guest, JIT off': 'interp',
};
const WORKLOAD_IDS: Record<Workload, string> = {
  'Integer (CRC-32)': 'int',
  'Memory (copy and scan 1 MiB)': 'mem',
  'Floating point (Mandelbrot)': 'float',
  'System calls (umask loop)': 'sys',
};
export const ALL_WORKLOADS = Object.keys(WORKLOAD_IDS) as Workload[];
export const ALL_PLACES = Object.keys(PLACE_IDS) as Place[];

/**
 * One reading the test takes itself: the instruction total shown, timed by the test's own clock
 * (the page's performance.now() when the figure changed on screen), and the MIPS shown then.
 */
export interface SpeedSample {
  seenAt: number;
  instructions: number;
  mips: number;
}

export class CostPanel {
  readonly runButton: Locator;
  readonly stopButton: Locator;
  readonly alert: Locator;
  readonly progress: Locator;

  constructor(readonly page: Page) {
    const panel = page.getByRole('region', { name: /The cost of emulation/ });
    this.runButton = panel.getByRole('button', { name: 'Run benchmark' });
    this.stopButton = panel.getByRole('button', { name: 'Stop benchmark' });
    this.alert = panel.getByRole('alert');
    this.progress = panel.getByRole('status');
  }

  /** Opens the "Cost of emulation" tool (if it is not open). */
  async show(): Promise<void> {
    await openTool(this.page, 'Cost of emulation');
  }

  /**
   * Watches the speed figures for at least `windowMs` (the test's own clock): every update seen,
   * from the first after the call to the first at or past the window's end.
   */
  async watchSpeed(windowMs: number): Promise<SpeedSample[]> {
    await openTool(this.page, 'Guest'); // the instruction count
    await expect(this.page.getByTestId('instruction-count')).toBeVisible();
    return this.page.evaluate(
      (windowMs) =>
        new Promise<SpeedSample[]>((resolve) => {
          const mips = document.querySelector<HTMLElement>('[data-testid="mips"]')!;
          const count = document.querySelector<HTMLElement>('[data-testid="instruction-count"]')!;
          const seen: SpeedSample[] = [];
          // Each reading the page took counts on the Guest tool's instruction count.
          let last = count.dataset['samples'];
          const observer = new MutationObserver(() => {
            if (count.dataset['samples'] === last) return;
            last = count.dataset['samples'];
            seen.push({
              seenAt: performance.now(),
              instructions: Number(count.textContent.replace(/\D/g, '')),
              mips: Number(mips.dataset['mips']),
            });
            if (seen.at(-1)!.seenAt - seen[0]!.seenAt < windowMs) return;
            observer.disconnect();
            resolve(seen);
          });
          observer.observe(count, { attributes: true });
        }),
      windowMs,
    );
  }

  /** Chooses what the next run covers. */
  async choose(workloads: Workload[], places: Place[], repeats: 1 | 3 | 5): Promise<void> {
    await this.show();
    for (const w of ALL_WORKLOADS) {
      await this.page.getByRole('checkbox', { name: w }).setChecked(workloads.includes(w));
    }
    for (const p of ALL_PLACES) {
      await this.page.getByRole('checkbox', { name: p }).setChecked(places.includes(p));
    }
    await this.page.getByLabel('Repeats').selectOption(String(repeats));
  }

  /** Clicks "Run benchmark" and waits until it has finished; returns the wall time in ms. */
  async runAndWait(timeout = 90_000): Promise<number> {
    await this.show();
    const started = Date.now();
    await this.runButton.click();
    await expect(this.stopButton).toBeVisible();
    await expect(this.runButton).toBeVisible({ timeout });
    return Date.now() - started;
  }

  /**
   * Clicks "Run benchmark" and measures, in the page, the ms from the click to the moment the
   * first result appears in the table.
   */
  async clickToFirstResult(workload: Workload, place: Place): Promise<number> {
    await this.show();
    const id = `bench-${WORKLOAD_IDS[workload]}-${PLACE_IDS[place]}`;
    const measuring = this.page.evaluate(
      (id) =>
        new Promise<number>((resolve) => {
          let clickedAt = 0;
          const button = [...document.querySelectorAll('button')].find(
            (b) => b.textContent?.trim() === 'Run benchmark',
          )!;
          button.addEventListener('click', () => (clickedAt = performance.now()), {
            capture: true,
            once: true,
          });
          const observer = new MutationObserver(() => {
            const cell = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
            if (!clickedAt || !cell?.dataset['ms']) return;
            observer.disconnect();
            resolve(performance.now() - clickedAt);
          });
          observer.observe(document.body, { subtree: true, childList: true, attributes: true });
        }),
      id,
    );
    await this.runButton.click();
    return measuring;
  }

  cell(workload: Workload, place: Place): Locator {
    return this.page.getByTestId(`bench-${WORKLOAD_IDS[workload]}-${PLACE_IDS[place]}`);
  }

  row(workload: Workload): Locator {
    return this.page.getByTestId(`bench-row-${WORKLOAD_IDS[workload]}`);
  }

  /** The median time shown for a workload in a place, ms. */
  async shownMs(workload: Workload, place: Place): Promise<number> {
    return Number(await this.cell(workload, place).getAttribute('data-ms'));
  }

  async shownSum(workload: Workload, place: Place): Promise<string> {
    return (await this.cell(workload, place).getAttribute('data-sum')) ?? '';
  }
}
