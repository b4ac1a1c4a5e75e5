// How many machines the lab can hold, and what the next one is called. Pure.
import { UserError } from '../notices/notice';

export const MAX_MACHINES = 8;
const MiB = 1024 * 1024;
/**
 * What a machine costs beyond its emulated RAM: its worker, v86's code and tables, the JIT's
 * compiled blocks (measured by `npm run bench`: see docs/performance.md).
 */
export const MACHINE_OVERHEAD_BYTES = 30 * MiB;

/**
 * The memory the lab lets its machines take: a quarter of what the browser says the computer
 * has (navigator.deviceMemory, in GiB, rounded down by the browser and capped at 8), at least
 * 1 GiB when it does not say (eight machines of the built-in 32 MB guest fit in it).
 */
export function memoryBudget(deviceMemoryGiB: number | undefined): number {
  const quarter = ((deviceMemoryGiB ?? 4) * 1024 * MiB) / 4;
  return Math.max(1024 * MiB, Math.min(quarter, 2048 * MiB));
}

/** What a machine of `memoryBytes` RAM takes of the budget. */
export const machineCost = (memoryBytes: number): number => memoryBytes + MACHINE_OVERHEAD_BYTES;

export type AddRefusal =
  { reason: 'tooMany'; max: number } | { reason: 'noMemory'; needed: number; free: number };

/** Why a machine of `memoryBytes` cannot be added next to `running` (their RAM), or null. */
export function refuseMachine(
  running: number[],
  memoryBytes: number,
  budget: number,
): AddRefusal | null {
  if (running.length >= MAX_MACHINES) return { reason: 'tooMany', max: MAX_MACHINES };
  const used = running.reduce((sum, bytes) => sum + machineCost(bytes), 0);
  const needed = machineCost(memoryBytes);
  const free = Math.max(0, budget - used);
  return needed > free ? { reason: 'noMemory', needed, free } : null;
}

/** Throws the error the lab shows when a machine of `memoryBytes` does not fit (refuseMachine). */
export function assertRoom(running: number[], memoryBytes: number, budget: number): void {
  const refusal = refuseMachine(running, memoryBytes, budget);
  if (refusal?.reason === 'tooMany') throw new UserError('lab.error.tooMany', refusal);
  const mb = (bytes: number) => Math.round(bytes / MiB);
  if (refusal)
    throw new UserError('lab.error.noMemory', {
      needed: mb(refusal.needed),
      free: mb(refusal.free),
    });
}

/** The first free name of the form pc1, pc2, … */
export function nextMachineName(taken: string[]): string {
  for (let n = 1; ; n++) if (!taken.includes(`pc${n}`)) return `pc${n}`;
}
