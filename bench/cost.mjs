// The emulation-cost figures of npm run bench: one workload program (images/bench/aula-bench.c)
// down the whole ladder: native i386 on this machine, WebAssembly in Node, and, in Chromium, the
// app's "Run benchmark" beside the same commands typed into the bare v86 page.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { runWasmWorkloads, WORKLOADS } from '../images/bench/run-wasm.mjs';
import { median } from '../src/lib/metrics/stats.mjs';
import { inFreshPage, openApp, openBare } from './pages.mjs';

const REPORT = /aula-bench: (\w+) sum=([0-9a-f]{8}) ns=(\d+)/g;

/**
 * The guest's own binary (bench/native/aula-bench, put there by images/build-bench.sh; the
 * manifest's SHA-256 says it is the one in the guest), run natively `runs` times.
 */
export function nativeTimes(imagesDir, runs) {
  const binary = readFileSync(new URL('./native/aula-bench', import.meta.url));
  const manifest = JSON.parse(readFileSync(join(imagesDir, 'manifest.json'), 'utf8'));
  const sha = createHash('sha256').update(binary).digest('hex');
  if (sha !== manifest.bench?.guest_binary?.sha256)
    return { error: 'bench/native/aula-bench is not the guest’s binary: run npm run images' };
  const dir = mkdtempSync(join(tmpdir(), 'aula-bench-'));
  const file = join(dir, 'aula-bench');
  writeFileSync(file, binary);
  chmodSync(file, 0o755);
  try {
    const samples = Object.fromEntries(WORKLOADS.map((w) => [w, []]));
    const sums = {};
    for (let i = 0; i < runs; i++) {
      const out = execFileSync(file, ['all'], { encoding: 'utf8' });
      for (const [, name, sum, ns] of out.matchAll(REPORT)) {
        samples[name].push(Number(ns) / 1e6);
        sums[name] = sum;
      }
    }
    return { ms: mapValues(samples, median), sums };
  } catch (error) {
    // e.g. a host that is not x86, or a kernel without 32-bit support
    return { error: error.message.split('\n')[0] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The host build in Node's WebAssembly engine (V8, as in Chromium), `runs` times. */
export async function wasmNodeTimes(imagesDir, runs) {
  const bytes = readFileSync(join(imagesDir, 'aula-bench.wasm'));
  const samples = Object.fromEntries(WORKLOADS.map((w) => [w, []]));
  const sums = {};
  for (let i = 0; i < runs; i++) {
    for (const r of await runWasmWorkloads(bytes)) {
      samples[r.name].push(r.ns / 1e6);
      sums[r.name] = r.sum;
    }
  }
  return { ms: mapValues(samples, median), sums };
}

/** The app: boot, click "Run benchmark" (3 repeats, everything), read the table. */
export function appCost(browser, url) {
  return inFreshPage(browser, async (page) => {
    await openApp(page, url);
    const started = Date.now();
    await page.getByRole('button', { name: 'Run benchmark' }).click();
    await page.getByRole('button', { name: 'Stop benchmark' }).waitFor();
    await page.getByRole('button', { name: 'Run benchmark' }).waitFor({ timeout: 120_000 });
    const tableMs = Date.now() - started;
    const cells = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid^="bench-"][data-ms]')].map((td) => ({
        id: td.dataset.testid,
        ms: Number(td.dataset.ms),
        mips: Number(td.dataset.mips || NaN),
        sum: td.dataset.sum,
      })),
    );
    const result = {
      tableMs,
      host: {},
      jit: {},
      interp: {},
      mips: { jit: {}, interp: {} },
      sums: {},
    };
    for (const c of cells) {
      const [, workload, place] = c.id.split('-');
      result[place][workload] = c.ms;
      if (place !== 'host') result.mips[place][workload] = c.mips;
      result.sums[`${workload}-${place}`] = c.sum;
    }
    return result;
  });
}

/** The bare v86 page: the same commands, JIT on then off, 3 times each; ms and MIPS. */
export function bareCost(browser, url) {
  return inFreshPage(browser, async (page) => {
    await openBare(page, url);
    const result = { jit: {}, interp: {}, mips: { jit: {}, interp: {} } };
    for (const place of ['jit', 'interp']) {
      await page.evaluate((on) => window.bare.setJit(on), place === 'jit');
      const runs = Object.fromEntries(WORKLOADS.map((w) => [w, []]));
      for (let r = 0; r < 3; r++) {
        for (const w of WORKLOADS) {
          const run = await page.evaluate(
            ([command, pattern]) => window.bare.runCommand(command, pattern),
            [`aula-bench ${w}`, `aula-bench: ${w} sum=[0-9a-f]{8} ns=\\d+\\r?\\n`],
          );
          runs[w].push(run);
          // the next command is typed at the prompt, as in the app
          // (busybox may follow its prompt with a cursor-position query)
          await page.waitForFunction(
            () =>
              new RegExp(`# (${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z])*$`).test(
                window.bare.text(),
              ),
            null,
            { polling: 5 },
          );
        }
      }
      for (const w of WORKLOADS) {
        result[place][w] = median(runs[w].map((r) => r.ms));
        result.mips[place][w] = median(runs[w].map((r) => r.instructions / r.ms / 1000));
      }
    }
    return result;
  });
}

function mapValues(object, f) {
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, f(v)]));
}

/** Warm-up: the first half billion instructions of the workload (v86's JIT compiles it then). */
const STEADY = { command: 'aula-bench int 24', warmupInstructions: 5e8, windows: 4 };

/**
 * The lab's own overhead, steady state: the guest's MIPS, one second at a time, while it runs a
 * long integer workload, once it has run its first half billion instructions (so JIT compilation
 * is out of the figure). The app's figure is the one its speed panel shows, read as each new
 * one appears; the bare page's is computed the same way from v86's instruction counter.
 */
export function appSteadyMips(browser, url) {
  return inFreshPage(browser, async (page) => {
    await openApp(page, url);
    // Steady state: the lab has done what it defers until the page is quiet (storing the boot
    // state's chunks, caching itself for offline use), as it has a few seconds after a start.
    await page.locator('[data-base-ready="true"]').waitFor({ timeout: 60_000 });
    await page
      .getByRole('status', { name: 'Network' })
      .getByText('Ready offline')
      .waitFor({ timeout: 60_000 });
    const executed = () =>
      page.evaluate(() =>
        Number(
          document
            .querySelector('[data-testid="instruction-count"]')
            ?.textContent?.replace(/\D/g, ''),
        ),
      );
    const start = await executed();
    await page.locator('.xterm-screen').click();
    await page.keyboard.type(`${STEADY.command}\n`);
    await page.waitForFunction(
      (target) =>
        Number(
          document
            .querySelector('[data-testid="instruction-count"]')
            ?.textContent?.replace(/\D/g, ''),
        ) >= target,
      start + STEADY.warmupInstructions,
      { timeout: 60_000, polling: 100 },
    );
    const samples = [];
    const mips = page.getByTestId('mips');
    for (let i = 0; i < STEADY.windows; i++) {
      const count = page.getByTestId('instruction-count');
      const seen = Number(await count.getAttribute('data-samples'));
      await page.waitForFunction(
        (n) =>
          Number(
            document
              .querySelector('[data-testid="instruction-count"]')
              ?.getAttribute('data-samples'),
          ) > n,
        seen,
        { timeout: 10_000, polling: 50 },
      );
      samples.push(Number(await mips.getAttribute('data-mips')));
    }
    return median(samples);
  });
}

export function bareSteadyMips(browser, url) {
  return inFreshPage(browser, async (page) => {
    await openBare(page, url);
    // Instructions executed since the command, summed wrap-safe from v86's 32-bit counter.
    await page.evaluate((command) => {
      const e = window.bare.emulator;
      let last = e.get_instruction_counter() >>> 0;
      window.__executed = 0;
      setInterval(() => {
        const now = e.get_instruction_counter() >>> 0;
        window.__executed += (now - last + 2 ** 32) % 2 ** 32;
        last = now;
      }, 50);
      e.serial0_send(`${command}\n`);
    }, STEADY.command);
    await page.waitForFunction((n) => window.__executed >= n, STEADY.warmupInstructions, {
      timeout: 60_000,
      polling: 50,
    });
    const samples = [];
    for (let i = 0; i < STEADY.windows; i++) {
      // One-second windows, as the app's speed panel reads its MIPS.
      samples.push(
        await page.evaluate(async () => {
          const e = window.bare.emulator;
          const c0 = e.get_instruction_counter() >>> 0;
          const t0 = performance.now();
          await new Promise((resolve) => setTimeout(resolve, 1000));
          const c1 = e.get_instruction_counter() >>> 0;
          return ((c1 - c0 + 2 ** 32) % 2 ** 32) / (performance.now() - t0) / 1000;
        }),
      );
    }
    return median(samples);
  });
}
