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
