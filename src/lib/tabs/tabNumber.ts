// This tab's number among the lab's open tabs of this origin (1 for the first), held with a Web
// Lock until the tab closes: the lab's DHCP service gives each tab's machines addresses of their
// own (tab 1: pc1 → .11; tab 2: pc1 → .31), so two tabs on one switch never share one.

/** Tabs numbered; beyond it, a tab has no number (its machines get addresses from the pool). */
export const MAX_TABS = 8;

type Locks = Pick<LockManager, 'request'>;

/** Claims the lowest free number, or null (no Web Locks here, or every number taken). */
export async function claimTabNumber(
  locks: Locks | undefined = globalThis.navigator?.locks,
): Promise<number | null> {
  if (!locks) return null;
  for (let n = 1; n <= MAX_TABS; n++) {
    const claimed = await new Promise<boolean>((resolve, reject) => {
      locks
        .request(`aula86-tab-${n}`, { ifAvailable: true }, (lock) => {
          resolve(lock !== null);
          // Held for as long as the tab lives.
          return lock ? new Promise<never>(() => undefined) : undefined;
        })
        .catch(reject);
    }).catch(() => false);
    if (claimed) return n;
  }
  return null;
}

/** The host number of the lab's machine `name` in tab `tab`: pc1 → 11, pc2 → 12, …; each
 * further tab 20 higher. Null for other names, or a tab without a number. */
export function hostNumberOf(name: string, tab: number | null): number | null {
  const n = /^pc([1-8])$/.exec(name);
  if (!n || tab === null || tab < 1 || tab > MAX_TABS) return null;
  return 10 + Number(n[1]) + 20 * (tab - 1);
}
