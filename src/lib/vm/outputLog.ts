// The most recent console output, bounded, so a terminal that attaches late (or a snapshot
// preview) can show what the guest printed.

export class OutputLog {
  #chunks: Uint8Array[] = [];
  #size = 0;

  constructor(readonly limit = 64 * 1024) {}

  append(chunk: Uint8Array): void {
    this.#chunks.push(chunk);
    this.#size += chunk.byteLength;
    while (
      this.#size - (this.#chunks[0]?.byteLength ?? 0) >= this.limit &&
      this.#chunks.length > 1
    ) {
      this.#size -= this.#chunks.shift()!.byteLength;
    }
  }

  /** At least the last `limit` bytes (whole chunks, so escape sequences are rarely cut). */
  contents(): Uint8Array {
    const out = new Uint8Array(this.#size);
    let at = 0;
    for (const c of this.#chunks) {
      out.set(c, at);
      at += c.byteLength;
    }
    return out;
  }

  clear(): void {
    this.#chunks = [];
    this.#size = 0;
  }
}
