// v86's instruction counter is 32-bit and wraps every ~4.3 G instructions (under a minute at
// full speed); this turns its raw readings into a running 64-bit-safe total.

const WRAP = 2 ** 32;

export class InstructionTotal {
  #last: number | null = null;
  #total = 0;

  /** Takes a raw 32-bit reading and returns the total executed since the first reading. */
  update(raw: number): number {
    const reading = raw >>> 0;
    if (this.#last !== null) this.#total += (reading - this.#last + WRAP) % WRAP;
    this.#last = reading;
    return this.#total;
  }

  get total(): number {
    return this.#total;
  }

  reset(): void {
    this.#last = null;
    this.#total = 0;
  }
}
