import { describe, expect, it } from 'vitest';
import { claimTabNumber, hostNumberOf, MAX_TABS } from './tabNumber';

/** Web Locks as one origin's tabs share them: a name is held until released. */
function fakeLocks() {
  const held = new Set<string>();
  return {
    held,
    request(name: string, _options: unknown, callback: (lock: unknown) => unknown) {
      const free = !held.has(name);
      if (free) held.add(name);
      void callback(free ? { name } : null);
      return Promise.resolve();
    },
  };
}

describe('tab numbers', () => {
  it('each tab claims the lowest free number', async () => {
    const locks = fakeLocks() as unknown as LockManager;
    expect(await claimTabNumber(locks)).toBe(1);
    expect(await claimTabNumber(locks)).toBe(2);
    (locks as unknown as { held: Set<string> }).held.delete('aula86-tab-1'); // the first tab closed
    expect(await claimTabNumber(locks)).toBe(1);
    expect(await claimTabNumber(undefined)).toBeNull();
  });

  it('gives up when every number is taken', async () => {
    const locks = fakeLocks() as unknown as LockManager;
    for (let i = 0; i < MAX_TABS; i++) await claimTabNumber(locks);
    expect(await claimTabNumber(locks)).toBeNull();
  });

  it('pc1 is .11 and pc2 .12 in the first tab, 20 higher in each next one', () => {
    expect(hostNumberOf('pc1', 1)).toBe(11);
    expect(hostNumberOf('pc8', 1)).toBe(18);
    expect(hostNumberOf('pc1', 2)).toBe(31);
    expect(hostNumberOf('pc2', 8)).toBe(152);
    expect(hostNumberOf('server', 1)).toBeNull();
    expect(hostNumberOf('pc1', null)).toBeNull();
  });
});
