// Counts what a channel refused within each second, and says when that makes a flood: the
// listener then stops listening for a while (see TabChannel). Pure, with an injected clock.

export class FloodMeter {
  #windowStart = -Infinity;
  #refused = 0;
  /** Floods seen (each made the listener rest). */
  floods = 0;

  constructor(
    /** Refusals within one second that make a flood. */
    private readonly threshold: number,
    private readonly now: () => number = Date.now,
  ) {}

  refused(): void {
    const now = this.now();
    if (now - this.#windowStart >= 1000) {
      this.#windowStart = now;
      this.#refused = 0;
    }
    this.#refused++;
  }

  /** True once per flood (then the count starts again). */
  flooding(): boolean {
    if (this.#refused < this.threshold) return false;
    this.#refused = 0;
    this.floods++;
    return true;
  }
}
