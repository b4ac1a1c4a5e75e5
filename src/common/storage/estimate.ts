// What this origin stores and may store, as the browser estimates it (navigator.storage).

export interface StorageEstimate {
  /** Bytes this origin stores. */
  usage: number;
  /** Bytes it may store. */
  quota: number;
  /** quota − usage, never below 0. */
  free: number;
}

/** The browser's estimate, or null when it gives none (no API, no quota, or it failed). */
export async function estimateStorage(): Promise<StorageEstimate | null> {
  const estimate = await globalThis.navigator?.storage?.estimate?.().catch(() => null);
  if (!estimate?.quota) return null;
  const usage = estimate.usage ?? 0;
  return { usage, quota: estimate.quota, free: Math.max(0, estimate.quota - usage) };
}
