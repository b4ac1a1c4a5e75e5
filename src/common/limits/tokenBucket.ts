// A token bucket: `rate` units a second on average, at most `burst` at once; what finds the
// bucket empty is refused. The switch's ports and the bridge between tabs limit with it. Pure.

export class TokenBucket {
  #tokens: number;
  #at: number;

  constructor(
    private readonly rate: number,
    private readonly burst: number = rate,
    private readonly now: () => number = Date.now,
  ) {
    this.#tokens = burst;
    this.#at = now();
  }

  /** Takes `units` if the bucket holds them; false (and nothing taken) if not. */
  take(units = 1): boolean {
    const now = this.now();
    const elapsed = Math.max(0, now - this.#at);
    this.#tokens = Math.min(this.burst, this.#tokens + (elapsed * this.rate) / 1000);
    this.#at = now;
    if (this.#tokens < units) return false;
    this.#tokens -= units;
    return true;
  }
}
