import { afterEach, describe, expect, it, vi } from 'vitest';
import { testLab } from '../lab/testLab.testing';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
afterEach(() => vi.unstubAllGlobals());

/** Two running machines on fake emulators, the snapshot store open. */
async function twoMachines() {
  const { lab, emulators } = testLab({ machines: 2 });
  lab.start();
  await settle();
  for (const fake of emulators.made) fake.resume();
  await settle();
  await lab.snapshots.init();
  const [pc1, pc2] = lab.machines;
  return { lab, pc1: pc1!, pc2: pc2!, emulators };
}

describe('Snapshots', () => {
  it('saves the selected machine, and lists which machine it came from', async () => {
    const { lab, pc2, emulators } = await twoMachines();
    lab.select(pc2);
    await lab.snapshots.save();
    expect(emulators.made[1]!.saveState).toHaveBeenCalledOnce();
    expect(emulators.made[0]!.saveState).not.toHaveBeenCalled();
    expect(lab.snapshots.items).toHaveLength(1);
    expect(lab.snapshots.items[0]).toMatchObject({ machine: 'pc2' });
    expect(lab.snapshots.notice).toMatchObject({ tone: 'info', key: 'snap.saved' });
    lab.destroy();
  });

  it('restores into the selected machine only, saying into which', async () => {
    const { lab, pc1, pc2, emulators } = await twoMachines();
    lab.select(pc2);
    await lab.snapshots.save();
    const meta = lab.snapshots.items[0]!;
    lab.select(pc1);
    expect(await lab.snapshots.restore(meta)).toBeNull();
    expect(emulators.made[0]!.restoreState).toHaveBeenCalledOnce();
    expect(emulators.made[1]!.restoreState).not.toHaveBeenCalled();
    expect(lab.snapshots.notice).toMatchObject({ key: 'snap.restored', params: { into: 'pc1' } });
    lab.destroy();
  });

  it('refuses, with the reason, to restore while a program drives the console', async () => {
    const { lab, pc1 } = await twoMachines();
    await lab.snapshots.save();
    let failed: Awaited<ReturnType<typeof lab.snapshots.restore>> = null;
    await pc1.drive('benchmark', async () => {
      failed = await lab.snapshots.restore(lab.snapshots.items[0]!);
    });
    expect(failed).toMatchObject({
      failed: { tone: 'error', key: 'drive.refused', params: { machine: 'pc1' } },
    });
    lab.destroy();
  });

  it('gives a lab snapshot a clean name of its own: two are never called alike', async () => {
    const { lab } = await twoMachines();
    await lab.labSnapshots.save('Clase 3');
    await lab.labSnapshots.save('Clase\u202E 3\u0007');
    expect(lab.labSnapshots.list.map((l) => l.name).sort()).toEqual(['Clase 3', 'Clase 3 (2)']);
    lab.destroy();
  });

  it('refuses to save a machine that is not running', async () => {
    const { lab, pc1 } = await twoMachines();
    pc1.destroy();
    await lab.snapshots.save();
    expect(lab.snapshots.notice).toMatchObject({ key: 'snap.error.notRunning' });
    lab.destroy();
  });
});
