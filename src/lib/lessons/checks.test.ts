import { describe, expect, it } from 'vitest';
import { labConditionHolds, runChecks, type LabEvents } from './checks';
import type { LabCheck } from './format';
import { FakeLab } from './lessonFakes.testing';

const now = Date.now();
const events = (restored: string[] = []): LabEvents => ({
  since: now,
  restored: new Set(restored),
});
const lab = (set: (lab: FakeLab) => void = () => undefined) => {
  const fake = new FakeLab();
  set(fake);
  return fake;
};
const holds = (check: Partial<LabCheck> & Pick<LabCheck, 'lab'>, fake: FakeLab, e = events()) =>
  labConditionHolds({ machine: 'pc1', ...check }, fake, e);

describe('lab conditions', () => {
  it('the benchmark must have run to its end since the step began, with the JIT on and off', () => {
    expect(holds({ lab: 'benchmarkJitOnOff' }, lab())).toBe(false);
    const jitOnly = lab((l) => (l.bench = { at: now + 5, covered: ['host', 'jit'] }));
    expect(holds({ lab: 'benchmarkJitOnOff' }, jitOnly)).toBe(false);
    const before = lab((l) => (l.bench = { at: now - 5, covered: ['jit', 'interp'] }));
    expect(holds({ lab: 'benchmarkJitOnOff' }, before)).toBe(false);
    const both = lab((l) => (l.bench = { at: now + 5, covered: ['jit', 'interp'] }));
    expect(holds({ lab: 'benchmarkJitOnOff' }, both)).toBe(true);
  });

  it('both cards must have been measured since the step began', () => {
    const one = lab((l) => (l.measured = { at: now + 1, covered: ['ne2k'] }));
    expect(holds({ lab: 'nicsMeasured' }, one)).toBe(false);
    const both = lab((l) => (l.measured = { at: now + 1, covered: ['ne2k', 'virtio'] }));
    expect(holds({ lab: 'nicsMeasured' }, both)).toBe(true);
  });

  it('a ping answered since the step began, between the named machines', () => {
    const old = lab((l) => (l.pings = [now - 1000]));
    expect(holds({ lab: 'ping', machine: 'pc2', to: 'pc1' }, old)).toBe(false);
    const fresh = lab((l) => (l.pings = [now - 1000, now + 10]));
    expect(holds({ lab: 'ping', machine: 'pc2', to: 'pc1' }, fresh)).toBe(true);
    expect(holds({ lab: 'ping', machine: 'pc1', to: 'pc2' }, fresh)).toBe(false);
  });

  it('another host seen now', () => {
    expect(holds({ lab: 'hostSeen' }, lab())).toBe(false);
    expect(
      holds(
        { lab: 'hostSeen' },
        lab((l) => (l.hosts = 1)),
      ),
    ).toBe(true);
  });

  it('a migration since the step began: the named machine away, or any machine here; live or stopped as asked', () => {
    const move = (away: boolean, live: boolean, at = now + 5, machine = 'pc1') => ({
      at,
      machine,
      away,
      live,
    });
    const liveAway = lab((l) => (l.moves = [move(true, true)]));
    expect(holds({ lab: 'migratedAway' }, liveAway)).toBe(true);
    expect(holds({ lab: 'migratedAway', live: true }, liveAway)).toBe(true);
    expect(holds({ lab: 'migratedAway', live: false }, liveAway)).toBe(false);
    expect(holds({ lab: 'migratedAway', machine: 'pc2' }, liveAway)).toBe(false);
    expect(holds({ lab: 'migratedHere' }, liveAway)).toBe(false);
    const before = lab((l) => (l.moves = [move(true, true, now - 5)]));
    expect(holds({ lab: 'migratedAway' }, before)).toBe(false);
    // A machine that comes back is named by the host it left (pc2 there): any name counts here.
    const back = lab((l) => (l.moves = [move(true, true), move(false, false, now + 9, 'pc2')]));
    expect(holds({ lab: 'migratedHere', live: false }, back)).toBe(true);
    expect(holds({ lab: 'migratedHere', live: true }, back)).toBe(false);
  });

  it('a restore into the named machine since the step began', () => {
    expect(holds({ lab: 'restored' }, lab(), events(['pc2']))).toBe(false);
    expect(holds({ lab: 'restored' }, lab(), events(['pc1']))).toBe(true);
  });
});

describe('runChecks', () => {
  it('a machine that does not exist is said so', async () => {
    const outcome = await runChecks([{ machine: 'pc7', run: 'true' }], lab(), events());
    expect(outcome).toEqual({ pass: false, reason: 'noMachine', detail: 'pc7' });
  });

  it('the first check that fails is the outcome', async () => {
    const fake = lab((l) => l.pc1.files.set('/a', 'yes'));
    const checks = [
      { machine: 'pc1', run: 'cat /a', expect: '^yes$' },
      { machine: 'pc1', lab: 'snapshotSaved' as const },
    ];
    expect(await runChecks(checks, fake, events())).toEqual({ pass: false, reason: 'failed' });
    fake.saved = [now + 1];
    expect(await runChecks(checks, fake, events())).toEqual({ pass: true });
  });
});
