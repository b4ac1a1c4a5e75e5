// Inside the emulator worker: the guest's control port (ttyS1) as lines. Two kinds share it: the
// init's short answers ("hostname pc2", "dhcp 10.0.1.20/24") and the guest agent's ("o ID LINE",
// "p ID LINE", "x ID STATUS", "a ready": images/initramfs/aula-agent), which go to the page
// apart, batched, so that neither waits on the other's listeners.

/** A line longer than this is cut (the agent itself stops at 64 KiB of output). */
export const MAX_LINE_BYTES = 66_000;

const AGENT_LINE = /^[opxa] /;

export class ControlLines {
  #bytes = new Uint8Array(256);
  #length = 0;
  #decoder = new TextDecoder();

  constructor(
    private readonly onControl: (line: string) => void,
    private readonly onAgent: (line: string) => void,
  ) {}

  /** A byte the guest wrote to ttyS1. */
  push(byte: number): void {
    if (byte !== 10) return this.#append(byte);
    const line = this.#decoder.decode(this.#bytes.subarray(0, this.#length)).replace(/\r$/, '');
    this.#length = 0;
    if (AGENT_LINE.test(line)) this.onAgent(line);
    else this.onControl(line);
  }

  #append(byte: number): void {
    if (this.#length === MAX_LINE_BYTES) return;
    if (this.#length === this.#bytes.length) {
      const grown = new Uint8Array(Math.min(MAX_LINE_BYTES, this.#bytes.length * 4));
      grown.set(this.#bytes);
      this.#bytes = grown;
    }
    this.#bytes[this.#length++] = byte;
  }
}
