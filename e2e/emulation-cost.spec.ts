// Lesson 5: emulation has a cost, and the lab measures it honestly. The numbers it shows are
// checked here against what the test measures itself.
import { expect, test } from '@playwright/test';
import { Lab } from './lab';
import { ALL_PLACES, ALL_WORKLOADS, CostPanel } from './cost';
import { SnapshotPanel } from './snapshots';

test(
  'the MIPS shown is the rate the test measures itself, over a window it chooses',
  { tag: '@timed' },
  async ({ page }) => {
    const lab = new Lab(page);
    const cost = new CostPanel(page);
    await lab.bootToShell();
    // Keep the emulated CPU busy with a loop that prints nothing.
    await lab.run('while :; do :; done', 'while :; do :; done');
    // The test's oracle: two readings of the instruction total it takes itself, five seconds apart
    // by its own clock (not the emulator's timestamps the page computes its rate from).
    const samples = await cost.watchSpeed(5000);
    const first = samples[0]!;
    const last = samples.at(-1)!;
    const measured = (last.instructions - first.instructions) / (last.seenAt - first.seenAt) / 1000;
    expect(measured).toBeGreaterThan(1); // a busy guest runs millions per second
    // What the page showed meanwhile: a rate per second; over the window, the same work.
    const shown = samples.slice(1).map((s) => s.mips);
    const shownMean = shown.reduce((a, b) => a + b, 0) / shown.length;
    expect(Math.abs(shownMean - measured) / measured).toBeLessThan(0.1);
    await expect(page.getByTestId('jit')).toHaveText('on');

    await lab.press('Control+C');
    await lab.run('echo loop stopped', /^loop stopped$/m);
  },
);

test(
  'the same work on host and guest: equal checksums, the whole table within a minute',
  { tag: '@timed' },
  async ({ page }) => {
    const lab = new Lab(page);
    const cost = new CostPanel(page);
    await lab.bootToShell('lang=en&tool=cost');

    const wall = await cost.runAndWait(60_000);
    expect(wall).toBeLessThan(60_000);
    await expect(cost.progress).toContainText('Benchmark finished');

    for (const workload of ALL_WORKLOADS) {
      await expect(cost.row(workload)).toContainText('same everywhere');
      const host = await cost.shownSum(workload, 'Host (WebAssembly)');
      expect(host).toMatch(/^[0-9a-f]{8}$/);
      for (const place of ALL_PLACES) {
        expect(await cost.shownSum(workload, place)).toBe(host);
        expect(await cost.shownMs(workload, place)).toBeGreaterThan(0);
      }
      // The guest is slower than the host, and says by how much.
      await expect(cost.cell(workload, 'Guest, JIT off')).toContainText(/\d+(\.\d)?× slower/);
    }
    // The program's runs are visible in the guest's console, as a student would type them.
    await lab.expectScreen(/aula-bench: sys sum=[0-9a-f]{8} ns=\d+/);
    await expect(page.getByTestId('jit')).toHaveText('on');
    await lab.run('echo guest still here', /^guest still here$/m);
  },
);

test(
  'the guest time shown matches the wall time from click to result',
  { tag: '@timed' },
  async ({ page }) => {
    const lab = new Lab(page);
    const cost = new CostPanel(page);
    await lab.bootToShell('lang=en&tool=cost');
    await cost.choose(['Integer (CRC-32)'], ['Guest, JIT off'], 1);

    const wall = await cost.clickToFirstResult('Integer (CRC-32)', 'Guest, JIT off');
    const shown = await cost.shownMs('Integer (CRC-32)', 'Guest, JIT off');
    expect(wall).toBeGreaterThan(200); // a real run, not a cached answer
    expect(Math.abs(shown - wall) / wall).toBeLessThan(0.1);
    await expect(cost.runButton).toBeVisible();
    await expect(page.getByTestId('jit')).toHaveText('on'); // switched back after the run
    // The speed chart marks when the run began and when the JIT went off and on again.
    await lab.openTool('Guest');
    const marks = page.getByTestId('speed-marks');
    await expect(marks).toContainText('benchmark started');
    await expect(marks).toContainText('JIT switched off');
    await expect(marks).toContainText('JIT switched on');
  },
);

test('a benchmark is refused while the guest is paused or busy', async ({ page }) => {
  const lab = new Lab(page);
  const cost = new CostPanel(page);
  await lab.bootToShell('lang=en&tool=cost');

  await lab.button('Pause').click();
  await cost.runButton.click();
  await expect(cost.alert).toContainText('The machine is paused');
  await lab.button('Resume').click();

  await lab.run('sleep 300', 'sleep 300');
  await cost.runButton.click();
  await expect(cost.alert).toContainText('The guest is busy');
  await lab.press('Control+C');
  await lab.run('echo free again', /^free again$/m);
});

test('Reset or a lab snapshot’s restore during a run is refused, naming the benchmark; once it is stopped, Reset works', async ({
  page,
}) => {
  const lab = new Lab(page);
  const cost = new CostPanel(page);
  const snapshots = new SnapshotPanel(page);
  await lab.bootToShell('lang=en&tool=cost');
  await snapshots.saveLab('before');
  await cost.choose(['Integer (CRC-32)'], ['Guest, JIT off'], 5);

  await cost.runButton.click();
  await expect(cost.progress).toContainText('Running Integer');
  await lab.button('Reset').click();
  const busy = 'pc1 is busy: its console is in use by the benchmark';
  await expect(page.getByText(busy)).toBeVisible();
  await snapshots.show();
  await snapshots.panel.getByRole('button', { name: 'Restore the lab snapshot before' }).click();
  await expect(snapshots.error()).toContainText(busy);
  await cost.show();
  await expect(cost.progress).toContainText('Running Integer'); // the run goes on
  await cost.stopButton.click();
  await expect(cost.alert).toContainText('Benchmark stopped');
  await lab.button('Reset').click();
  await lab.waitForPrompt();
  await lab.run('echo after reset', /^after reset$/m);
});

test('a host program that fails to load is reported, and the guest is untouched', async ({
  page,
}) => {
  await page.route('**/images/aula-bench.wasm', (route) =>
    route.fulfill({ status: 200, body: 'not WebAssembly' }),
  );
  const lab = new Lab(page);
  const cost = new CostPanel(page);
  await lab.bootToShell('lang=en&tool=cost');
  await cost.choose(['System calls (umask loop)'], ['Host (WebAssembly)', 'Guest, JIT on'], 1);

  await cost.runButton.click();
  await expect(cost.alert).toContainText('The host side of the benchmark failed');
  await expect(cost.runButton).toBeVisible();
  await lab.run('echo typing works', /^typing works$/m);
});
