import { describe, expect, it } from 'vitest';
import { ReadinessDetector, SilenceWatchdog } from './readiness';

const bytes = (s: string) => new TextEncoder().encode(s);
const WELCOME = 'is running inside v86';

describe('ReadinessDetector', () => {
  it('is ready at the first prompt after the welcome line', () => {
    const d = new ReadinessDetector(WELCOME);
    expect(d.feed(bytes('aula86: Linux 6.1 is running inside v86.\r\n'))).toBe(false);
    expect(d.feed(bytes('\x1b[1;32mroot@aula86\x1b[0m:~\x1b[0m# \x1b[6n'))).toBe(true);
    expect(d.ready).toBe(true);
  });

  it('ignores prompt-like text before the welcome line', () => {
    const d = new ReadinessDetector(WELCOME);
    expect(d.feed(bytes('BIOS # '))).toBe(false);
    expect(d.ready).toBe(false);
  });

  it('finds the welcome line when it is split across chunks', () => {
    const d = new ReadinessDetector(WELCOME);
    expect(d.feed(bytes('is running in'))).toBe(false);
    expect(d.feed(bytes('side v86\r\n$ '))).toBe(true);
  });

  it('fires once, and again after reset', () => {
    const d = new ReadinessDetector(WELCOME);
    d.feed(bytes(`${WELCOME}\n# `));
    expect(d.feed(bytes('# '))).toBe(false);
    d.reset();
    expect(d.ready).toBe(false);
    expect(d.feed(bytes(`${WELCOME}\n# `))).toBe(true);
  });

  it('does not mistake a # inside a line for the prompt', () => {
    const d = new ReadinessDetector(WELCOME);
    d.feed(bytes(`${WELCOME}\n`));
    expect(d.feed(bytes('# comment here'))).toBe(false);
  });
});

describe('SilenceWatchdog', () => {
  it('expires once the limit passes with no activity', () => {
    const w = new SilenceWatchdog(1000, 0);
    expect(w.expired(999)).toBe(false);
    expect(w.expired(1000)).toBe(true);
  });

  it('restarts its clock on activity', () => {
    const w = new SilenceWatchdog(1000, 0);
    w.touch(900);
    expect(w.expired(1500)).toBe(false);
    expect(w.silentFor(1500)).toBe(600);
  });
});
