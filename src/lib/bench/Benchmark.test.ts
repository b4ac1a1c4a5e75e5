import { afterEach, describe, expect, it, vi } from 'vitest';
import { CURSOR_ANSWER, testLab } from '../lab/testLab.testing';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
afterEach(() => vi.unstubAllGlobals());

async function runningLab() {
  const { lab, emulators } = testLab();
  lab.start();
  await settle();
  emulators.made[0]!.resume();
  await settle();
  return { lab, machine: lab.machines[0]!, emulator: emulators.made[0]! };
}

describe('Benchmark', () => {
  it('runs a workload in the guest, typed as a program; the user’s typing waits and comes after', async () => {
    const { lab, machine, emulator } = await runningLab();
    lab.bench.options.places = ['jit'];
    lab.bench.options.workloads = ['int'];
    lab.bench.options.repeats = 1;
    const run = lab.bench.run();
    await vi.waitFor(() => expect(emulator.serial[0]).toContain('aula-bench int\n'));
    machine.console.sendInput('x');
    expect(machine.console.input).toMatchObject({ kind: 'held', owner: 'benchmark', chars: 1 });
    expect(emulator.serial[0]).toBe(`${CURSOR_ANSWER}aula-bench int\n`);
    emulator.print('aula-bench int\r\naula-bench: int sum=0badcafe ns=2000000\r\n');
    emulator.prompt();
    await run;
    expect(lab.bench.notice).toMatchObject({ tone: 'info', key: 'bench.done' });
    expect(lab.bench.rows.int?.jit).toEqual([
      expect.objectContaining({ sum: '0badcafe', guestMs: 2 }),
    ]);
    expect(machine.console.input).toEqual({ kind: 'free' });
    expect(emulator.serial[0]).toBe(`${CURSOR_ANSWER}aula-bench int\nx`);
    lab.destroy();
  });

  it('refuses to start while another program drives the console, naming it', async () => {
    const { lab, machine } = await runningLab();
    await machine.drive('restore', () => lab.bench.run());
    expect(lab.bench.notice).toMatchObject({
      key: 'drive.refused',
      params: { driver: { key: 'driver.restore' } },
    });
    lab.destroy();
  });

  it('refuses to start on a paused machine, saying why', async () => {
    const { lab, machine } = await runningLab();
    await machine.pause();
    await lab.bench.run();
    expect(lab.bench.notice).toMatchObject({ tone: 'error', key: 'bench.error.paused' });
    lab.destroy();
  });

  it('stops when its machine is removed from the lab', async () => {
    const { lab, emulators } = testLab({ machines: 2 });
    lab.start();
    await settle();
    for (const fake of emulators.made) fake.resume();
    await settle();
    const pc2 = lab.machines[1]!;
    lab.select(pc2);
    lab.bench.options.places = ['jit'];
    lab.bench.options.repeats = 1;
    const run = lab.bench.run();
    await vi.waitFor(() => expect(emulators.made[1]!.serial[0]).toContain('aula-bench'));
    lab.remove(pc2);
    await run;
    expect(lab.bench.notice).toMatchObject({ key: 'bench.cancelled' });
    lab.destroy();
  });
});
