// The emulation-cost figures of npm run bench: one workload program (images/bench/aula-bench.c)
// down the whole ladder: native i386 on this machine, WebAssembly in Node, and, in Chromium, the
// app's "Run benchmark" beside the same commands typed into the bare v86 page.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readCpioFile } from '../images/cpio.mjs';
import { runWasmWorkloads, WORKLOADS } from '../images/bench/run-wasm.mjs';
import { median } from '../src/lib/metrics/stats.mjs';
import { inFreshPage, openApp, openBare } from './pages.mjs';

const REPORT = /aula-bench: (\w+) sum=([0-9a-f]{8}) ns=(\d+)/g;

/** The guest's own binary, taken from the served initramfs, run natively `runs` times. */
export function nativeTimes(imagesDir, runs) {
  const archive = gunzipSync(readFileSync(join(imagesDir, 'initramfs.cpio.gz')));
  const binary = readCpioFile(archive, 'bin/aula-bench');
  if (!binary) return { error: 'bin/aula-bench is not in the initramfs' };
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

const STEADY = { command: 'aula-bench int 24', warmupMs: 1500, windows: 4, windowMs: 1000 };

/**
 * The lab's own overhead, steady state: the guest's MIPS, one second at a time, while it runs a
 * long integer workload (after a warm-up, so JIT compilation is out of the figure). The app's
 * figure is the one its speed panel shows; the bare page's is computed the same way from v86's
 * instruction counter.
 */
export function appSteadyMips(browser, url) {
  return inFreshPage(browser, async (page) => {
    await openApp(page, url);
    await page.locator('.xterm-screen').click();
    await page.keyboard.type(`${STEADY.command}\n`);
    await page.waitForTimeout(STEADY.warmupMs);
    const samples = [];
    for (let i = 0; i < STEADY.windows; i++) {
      await page.waitForTimeout(STEADY.windowMs);
      samples.push(Number(await page.getByTestId('mips').getAttribute('data-mips')));
    }
    return median(samples);
  });
}

export function bareSteadyMips(browser, url) {
  return inFreshPage(browser, async (page) => {
    await openBare(page, url);
    await page.evaluate((c) => window.bare.emulator.serial0_send(`${c}\n`), STEADY.command);
    await page.waitForTimeout(STEADY.warmupMs);
    const samples = [];
    for (let i = 0; i < STEADY.windows; i++) {
      samples.push(
        await page.evaluate(async (ms) => {
          const e = window.bare.emulator;
          const c0 = e.get_instruction_counter() >>> 0;
          const t0 = performance.now();
          await new Promise((resolve) => setTimeout(resolve, ms));
          const c1 = e.get_instruction_counter() >>> 0;
          return ((c1 - c0 + 2 ** 32) % 2 ** 32) / (performance.now() - t0) / 1000;
        }, STEADY.windowMs),
      );
    }
    return median(samples);
  });
}
