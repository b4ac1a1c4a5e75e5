// Emulated speed from instruction-counter readings: the rate over the last second (MIPS) and a
// per-second series for a chart. Readings carry their own time, so the maths is exact however
// late the messages that brought them arrive.

export interface SpeedReading {
  /** When the counter was read (ms, any clock shared by all readings). */
  at: number;
  /** Instructions since a fixed start (wrap-safe, see InstructionTotal). */
  total: number;
}

export class SpeedMeter {
  #readings: SpeedReading[] = [];

  constructor(readonly historyMs = 61_000) {}

  add(reading: SpeedReading): void {
    const last = this.#readings.at(-1);
    if (last && reading.at <= last.at) return; // out of order or duplicate: ignore
    this.#readings.push(reading);
    const oldest = reading.at - this.historyMs;
    while (this.#readings.length > 2 && this.#readings[1]!.at <= oldest) this.#readings.shift();
  }

  reset(): void {
    this.#readings = [];
  }

  get latest(): SpeedReading | undefined {
    return this.#readings.at(-1);
  }

  /**
   * Instructions per second over about `windowMs` ending at the latest reading: from the earlier
   * reading whose age is closest to `windowMs` (readings come every 250 ms, so with a 1 s window
   * that is always the one four readings back, however the timestamps jitter). Null until two
   * readings span at least half the window.
   */
  rate(windowMs = 1000): number | null {
    const list = this.#readings;
    const last = list.at(-1);
    if (!last) return null;
    // Newest first: ages only grow, so once they are past the window and missing it by more
    // than the best so far, no older reading can do better. (Output batches bring readings
    // too, so the history can be long; the search stays within about one window of it.)
    let from = last;
    for (let i = list.length - 1; i >= 0; i--) {
      const age = last.at - list[i]!.at;
      const miss = Math.abs(age - windowMs);
      const best = Math.abs(last.at - from.at - windowMs);
      if (miss <= best)
        from = list[i]!; // on a tie the older one, as before
      else if (age > windowMs) break;
    }
    const span = last.at - from.at;
    if (span < windowMs / 2) return null;
    return ((last.total - from.total) / span) * 1000;
  }

  /** The total at time `at`, interpolated linearly between readings; null outside the history. */
  totalAt(at: number): number | null {
    const list = this.#readings;
    if (list.length === 0 || at < list[0]!.at || at > list.at(-1)!.at) return null;
    // The first reading from index 1 on that is not before `at` (binary search: the history
    // holds a minute of readings, and series() asks this 120 times per reading).
    let lo = 1;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.at < at) lo = mid + 1;
      else hi = mid;
    }
    const i = lo;
    const b = list[Math.min(i, list.length - 1)]!;
    const a = list[i - 1]!;
    if (b.at === a.at) return a.total;
    return a.total + ((b.total - a.total) * (at - a.at)) / (b.at - a.at);
  }

  /**
   * Instructions per second in consecutive `stepMs` slices ending at the latest reading, oldest
   * first, `count` of them; a slice the history does not cover is null.
   */
  series(count = 60, stepMs = 1000): (number | null)[] {
    const last = this.latest;
    const out: (number | null)[] = [];
    for (let k = count - 1; k >= 0; k--) {
      if (!last) {
        out.push(null);
        continue;
      }
      const end = last.at - k * stepMs;
      const a = this.totalAt(end - stepMs);
      const b = this.totalAt(end);
      out.push(a === null || b === null ? null : ((b - a) / stepMs) * 1000);
    }
    return out;
  }
}

/** How many times slower `slow` is than `fast` (both durations), e.g. 23.4; NaN if unknown. */
export function slowdown(fast: number, slow: number): number {
  if (!(fast > 0) || !Number.isFinite(slow)) return NaN;
  return slow / fast;
}
