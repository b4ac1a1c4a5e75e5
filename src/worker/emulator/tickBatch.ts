// What the guest sends during one emulator tick (serial bytes, network frames, agent lines)
// crosses to the page as one message at the end of the task, not one message per item.

export class TickBatch<T> {
  #items: T[] = [];
  #held = false;

  constructor(private readonly send: (items: T[]) => void) {}

  push(item: T): void {
    this.#items.push(item);
    if (this.#items.length === 1 && !this.#held) queueMicrotask(() => this.flush());
  }

  /** Keeps what comes until `release`, which sends it in a later task: after the answer to the
   * request under way (a guest that arrived by migration speaks only once it is announced). */
  hold(): void {
    this.#held = true;
  }

  release(): void {
    this.#held = false;
    setTimeout(() => this.flush(), 0);
  }

  /** Sends what is collected now (before a stop or a save, so nothing said is left behind). */
  flush(): void {
    const items = this.#items;
    if (items.length === 0 || this.#held) return;
    this.#items = [];
    this.send(items);
  }

  /** Drops what is collected (the guest that said it was replaced by a restore). */
  clear(): void {
    this.#items = [];
  }
}
