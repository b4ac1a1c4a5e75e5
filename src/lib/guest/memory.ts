// A machine's memory: the profile's (right-sized for the lab's own guests, images/README.md), or
// more, chosen by the user for one machine. Pure.
import type { GuestProfile } from './manifest';

const MiB = 1024 * 1024;

/** The sizes offered, MB: the built-in guests' own, then doublings. */
export const MEMORY_CHOICES_MB = [32, 64, 128, 256] as const;

/**
 * `base` with `memoryBytes` of RAM. A pre-booted state holds the memory it was saved with, so a
 * machine of another size boots from scratch (the base's state serves it again when it goes back).
 */
export function withMemory(base: GuestProfile, memoryBytes: number): GuestProfile {
  if (memoryBytes === base.memoryBytes) return base;
  return { ...base, memoryBytes, bootState: null };
}

/**
 * The sizes a machine of `base` may have, MB, smallest first: its own, and each larger choice up
 * to `maxMb` (a guest gets at least what its profile says: less may not boot it).
 */
export function memoryChoicesMb(base: GuestProfile, maxMb: number): number[] {
  const own = Math.round(base.memoryBytes / MiB);
  return [own, ...MEMORY_CHOICES_MB.filter((mb) => mb > own && mb <= maxMb)];
}
