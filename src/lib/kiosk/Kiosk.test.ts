import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testLab } from '../lab/testLab.testing';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
// The kiosk watches the page for keys and clicks (its idle timer).
beforeEach(() => vi.stubGlobal('window', Object.assign(new EventTarget(), { setInterval })));
afterEach(() => vi.unstubAllGlobals());

const kioskJson = (golden: unknown) =>
  JSON.stringify({ enabled: true, golden, pin: '2468', idleMinutes: 5 });

describe('Kiosk', () => {
  it('turns on from kiosk.json, locked, and unlocks with the PIN only', async () => {
    const { lab } = testLab({}, { files: { 'kiosk.json': kioskJson('boot') } });
    lab.start();
    await vi.waitFor(() => expect(lab.kiosk.settled).toBe(true));
    expect(lab.kiosk.active).toBe(true);
    expect(lab.kiosk.locked).toBe(true);
    expect(lab.kiosk.unlock('1111')).toBe(false);
    expect(lab.kiosk.pinRejected).toBe(true);
    expect(lab.kiosk.unlock('2468')).toBe(true);
    expect(lab.kiosk.locked).toBe(false);
    lab.destroy();
  });

  it('resets to the pre-booted state when the golden snapshot is missing, and says so', async () => {
    const { lab, emulators } = testLab(
      {},
      { files: { 'kiosk.json': kioskJson({ snapshot: 'Lesson' }) } },
    );
    lab.start();
    await vi.waitFor(() => expect(lab.kiosk.settled).toBe(true));
    emulators.made[0]!.resume(); // the machine is up: the kiosk resets it to its golden state
    await vi.waitFor(() => expect(lab.kiosk.goldenProblem).not.toBeNull());
    expect(lab.kiosk.goldenProblem).toEqual({ kind: 'missing', name: 'Lesson' });
    await settle();
    // A reset is a new power-on: a second emulator.
    expect(emulators.made).toHaveLength(2);
    expect(emulators.made[0]!.destroyed).toBe(true);
    lab.destroy();
  });

  it('opens as many machines as kiosk.json asks for', async () => {
    const kiosk = JSON.stringify({ enabled: true, machines: 3 });
    const { lab } = testLab({}, { files: { 'kiosk.json': kiosk } });
    lab.start();
    await vi.waitFor(() => expect(lab.machines.map((m) => m.name)).toEqual(['pc1', 'pc2', 'pc3']));
    expect(lab.selected?.name).toBe('pc1');
    lab.destroy();
  });

  it('builds the network lab kiosk.json describes, each machine from its pre-booted state', async () => {
    const kiosk = JSON.stringify({
      enabled: true,
      lab: {
        lans: [{ name: 'LAN-A', subnet: '10.0.1.0/24' }],
        machines: [
          { name: 'web', profile: 'tiny', mac: '02:86:00:00:00:01', lan: 'LAN-A' },
          { name: 'client', profile: 'tiny-ne2k', mac: '02:86:00:00:00:02', lan: 'LAN-A' },
        ],
      },
    });
    const { lab, emulators } = testLab({}, { files: { 'kiosk.json': kiosk } });
    lab.start();
    await vi.waitFor(() => expect(lab.kiosk.settled).toBe(true));
    // Every emulator made resumes its state: the first machine, the second, the resets.
    await vi.waitFor(
      () => {
        for (const fake of emulators.made.filter((f) => !f.destroyed && !f.resumed)) fake.resume();
        expect(lab.machines.map((m) => `${m.name} ${m.profile?.id} ${m.nic.mac}`)).toEqual([
          'web tiny 02:86:00:00:00:01',
          'client tiny-ne2k 02:86:00:00:00:02',
        ]);
        expect(lab.network.lans.map((l) => l.name)).toEqual(['LAN-A']);
      },
      { timeout: 4000 },
    );
    lab.destroy();
  });

  it('stays locked when kiosk.json cannot be used (fails closed)', async () => {
    const { lab } = testLab({}, { files: { 'kiosk.json': '{"enabled": tru' } });
    lab.start();
    await vi.waitFor(() => expect(lab.kiosk.settled).toBe(true));
    expect(lab.kiosk.active).toBe(true);
    expect(lab.kiosk.locked).toBe(true);
    expect(lab.kiosk.configError).toMatch(/JSON/);
    lab.destroy();
  });

  it('a reset forgets the lessons’ progress unless kiosk.json keeps it; the pinned list shows', async () => {
    for (const keep of [false, true]) {
      const kiosk = JSON.stringify({
        enabled: true,
        lessons: ['snapshots'],
        keepLessonProgress: keep,
      });
      const { lab, emulators } = testLab({}, { files: { 'kiosk.json': kiosk } });
      lab.start();
      await vi.waitFor(() => expect(lab.kiosk.settled).toBe(true));
      emulators.made[0]!.resume();
      const forgotten: string[] = [];
      lab.kiosk.attachLessons({
        inProgress: () => true,
        resetProgress: () => void forgotten.push('all'),
        handIn: () => undefined,
      });
      expect(lab.kiosk.listsLesson('snapshots')).toBe(true);
      expect(lab.kiosk.listsLesson('containers')).toBe(false);
      const reset = lab.kiosk.resetToGolden();
      await vi.waitFor(() => {
        for (const fake of emulators.made.filter((f) => !f.destroyed && !f.resumed)) fake.resume();
        expect(emulators.made.length).toBeGreaterThan(1);
      });
      await reset;
      expect(forgotten).toEqual(keep ? [] : ['all']);
      lab.destroy();
    }
  });
});
