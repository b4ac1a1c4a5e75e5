// Live migration, measured as the class sees it: two tabs of the lab (two hosts), a machine moved
// from one to the other live (pre-copy) and stopped (stop-and-copy), idle and while its guest
// rewrites an 8 MB buffer in a loop; the figures are the ones the Migration tool shows. Beside
// them, bare v86 moving the same guest between two pages the only way it can: stop, save_state,
// send, restore_state, run.
import { inFreshPage, openApp, openBare } from './pages.mjs';

/** Rewrites /tmp/buf (8 MiB) over and over, a different byte each time: 8 MiB dirtied a pass. */
const DIRTIER =
  '(n=0; while :; do n=$((n%90+1)); dd if=/dev/zero bs=1M count=8 2>/dev/null | tr \'\\0\' "$(printf \\\\$(printf %o $((n+32))))" > /tmp/buf; done) &';

async function openHost(context, base) {
  const page = await context.newPage();
  await openApp(page, `${base}/?lang=en&tool=migration`);
  return page;
}

/** Moves `machine` from `from` to the host named `to`; the figures its record shows. */
async function move(from, machine, to, live) {
  const pane = from.getByRole('complementary', { name: 'Migration', exact: true });
  await step(`${to} seen`, pane.getByRole('list', { name: 'Other hosts' }).getByText(to).waitFor());
  const records = pane.getByTestId('migration-record');
  const before = await records.count();
  await pane.getByRole('combobox', { name: /^Machine\b/ }).selectOption({ label: machine });
  await pane.getByRole('combobox', { name: /^To\b/ }).selectOption({ label: to });
  await pane.getByRole('button', { name: live ? 'Migrate live' : 'Move stopped' }).click();
  await step(
    `${machine} moved to ${to}`,
    from.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="migration-record"]').length > n,
      before,
      { timeout: 60_000 },
    ),
  );
  const record = records.first();
  const number = async (name) => Number(await record.getAttribute(`data-${name}`));
  const first = await number('first-round-bytes');
  return {
    downtimeMs: await number('downtime-ms'),
    totalMs: await number('total-ms'),
    rounds: await number('rounds'),
    lastShare: first > 0 ? (await number('final-bytes')) / first : NaN,
    bytesSent: await number('bytes-sent'),
  };
}

/** Types `command` into the terminal of `page`'s machine `name` (its tab shown first). */
async function type(page, name, command) {
  await page.getByRole('tab', { name: new RegExp(`^${name}\\b`) }).click();
  await page.locator('[role=tabpanel]:visible .xterm-screen').click();
  await page.keyboard.type(`${command}\n`);
}

/** Runs `wait`; a timeout says which step it was. */
const step = (name, wait) =>
  wait.catch((error) => {
    throw new Error(`${name}: ${error.message}`);
  });

/** Pings sent across the move, 10 a second (a ping in flight at a Ctrl+C would count as lost). */
const PINGS = 100;
const rows = (page) => page.locator('[role=tabpanel]:visible .xterm-rows');

/** Host B's pc1 pings host A's machine `name` (its address as its guest says) at 10 a second. */
async function startPing(a, name, b) {
  await type(a, name, 'ip -4 -o addr show eth0');
  const said = rows(a)
    .getByText(/inet 10\.\d+\.\d+\.\d+\//)
    .last();
  await step(`the address of ${name}`, said.waitFor({ timeout: 30_000 }));
  const address = /inet (10\.\d+\.\d+\.\d+)\//.exec(await said.innerText())[1];
  await type(b, 'pc1', `ping -i 0.1 -c ${PINGS} ${address}`);
  await step(
    'pings answered',
    rows(b)
      .getByText(/seq=10 /)
      .waitFor({ timeout: 30_000 }),
  );
}

/** The ping's end (it stops by itself, waiting for its last replies): the packets it lost. */
async function pingLost(b) {
  await b.getByRole('tab', { name: /^pc1\b/ }).click();
  const summary = rows(b).getByText(/packets transmitted/);
  await step('ping summary', summary.waitFor({ timeout: 30_000 }));
  const [, sent, got] =
    /(\d+) packets transmitted, (\d+) packets received/.exec(await summary.innerText()) ?? [];
  return Number(sent) - Number(got);
}

/** The machine that came, at its prompt on `page` (renamed to a free name there). */
const arrived = (page, name) =>
  step(
    `${name} at its prompt`,
    rows(page)
      .getByText(new RegExp(`root@${name}:~#`))
      .last()
      .waitFor({ timeout: 30_000 }),
  );

export function appMigration(browser, base) {
  return inFreshPage(browser, async (page, context) => {
    await page.close();
    const a = await openHost(context, base);
    const b = await openHost(context, base);
    // Idle: pc1 of host A goes to host B (where it is pc2), then back, stopped.
    const idle = await move(a, 'pc1', 'host B', true);
    await arrived(b, 'pc2');
    const idleStopped = await move(b, 'pc2', 'host A', false);
    await arrived(a, 'pc2');
    // Host B's own pc1 pings it at 10 a second while it moves live again: the packets lost.
    await startPing(a, 'pc2', b);
    await move(a, 'pc2', 'host B', true);
    await arrived(b, 'pc2');
    const idlePingLost = await pingLost(b);
    // Busy: the guest rewrites 8 MiB in a loop, moved live, then back stopped.
    await type(b, 'pc2', DIRTIER);
    await b.waitForTimeout(3_000); // the loop under way
    const dirty = await move(b, 'pc2', 'host A', true);
    const dirtyStopped = await move(a, 'pc2', 'host B', false);
    return {
      idleDowntimeMs: idle.downtimeMs,
      idlePingLost,
      idleTotalMs: idle.totalMs,
      idleRounds: idle.rounds,
      idleLastShare: idle.lastShare,
      idleBytes: idle.bytesSent,
      idleStoppedMs: idleStopped.downtimeMs,
      dirtyDowntimeMs: dirty.downtimeMs,
      dirtyTotalMs: dirty.totalMs,
      dirtyRounds: dirty.rounds,
      dirtyBytes: dirty.bytesSent,
      dirtyStoppedMs: dirtyStopped.downtimeMs,
    };
  });
}

/** Bare v86: the same guest from one page to another by save_state and restore_state. */
export function bareMigration(browser, base) {
  return inFreshPage(browser, async (page, context) => {
    const b = await context.newPage();
    await openBare(page, `${base}/bare/?state`);
    await openBare(b, `${base}/bare/?state`);
    const moveStopped = async (from, to, name) => {
      const arriving = to.evaluate((n) => window.bare.receiveStopped(n), name);
      const sent = await from.evaluate((n) => window.bare.sendStopped(n), name);
      await arriving;
      return sent;
    };
    const idle = await moveStopped(page, b, 'bare-idle');
    await b.keyboard.type(`${DIRTIER}\n`);
    await b.waitForTimeout(3_000);
    const dirty = await moveStopped(b, page, 'bare-dirty');
    // Bare v86 has one way: its every figure is the stop-and-copy's.
    return {
      idleDowntimeMs: idle.downtimeMs,
      idlePingLost: NaN, // bare v86 has no network between pages
      idleTotalMs: idle.downtimeMs,
      idleRounds: 0,
      idleLastShare: NaN,
      idleBytes: idle.bytes,
      idleStoppedMs: idle.downtimeMs,
      dirtyDowntimeMs: dirty.downtimeMs,
      dirtyTotalMs: dirty.downtimeMs,
      dirtyRounds: 0,
      dirtyBytes: dirty.bytes,
      dirtyStoppedMs: dirty.downtimeMs,
    };
  });
}
