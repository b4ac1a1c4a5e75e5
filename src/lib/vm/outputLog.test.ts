import { describe, expect, it } from 'vitest';
import { OutputLog } from './outputLog';

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const bytes = (s: string) => new TextEncoder().encode(s);

describe('OutputLog', () => {
  it('returns what was appended, in order', () => {
    const log = new OutputLog(100);
    log.append(bytes('ab'));
    log.append(bytes('cd'));
    expect(text(log.contents())).toBe('abcd');
  });

  it('drops the oldest whole chunks once past the limit, keeping at least the limit', () => {
    const log = new OutputLog(4);
    log.append(bytes('111'));
    log.append(bytes('222'));
    log.append(bytes('333'));
    const kept = text(log.contents());
    expect(kept.endsWith('222333')).toBe(true);
    expect(kept.length).toBeGreaterThanOrEqual(4);
    expect(kept).not.toContain('111');
  });

  it('keeps a single chunk larger than the limit', () => {
    const log = new OutputLog(2);
    log.append(bytes('abcdef'));
    expect(text(log.contents())).toBe('abcdef');
  });

  it('clears', () => {
    const log = new OutputLog();
    log.append(bytes('x'));
    log.clear();
    expect(log.contents().byteLength).toBe(0);
  });
});
