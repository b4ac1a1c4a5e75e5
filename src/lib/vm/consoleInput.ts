// The user's typing on its way to the guest's serial console. While something owns the console
// (a power-on, a pause, a program driving it: a restore, a reset, the benchmark), typing is
// queued and delivered whole once the last owner lets go (beyond a bound, refused and said so),
// never split between the machine before and the one after. Pure: the delivery is injected.

export type InputState =
  | { kind: 'free' }
  /** Typing waits for `owner` to finish: `chars` are queued. */
  | { kind: 'held'; owner: string; chars: number }
  /** Typing waits for `owner`, and more came than is held: `dropped` chars were not sent. */
  | { kind: 'refused'; owner: string; dropped: number };

/** At most this much typing waits; more is refused (a paste of a book into a paused machine). */
export const MAX_HELD_CHARS = 16 * 1024;

/** The terminal's own answers to the guest's queries (cursor position, device attributes). */
// eslint-disable-next-line no-control-regex -- an escape sequence starts with ESC
const TERMINAL_REPORT = /^\x1b\[\??[\d;]*[Rcn]$/;

interface Claim {
  owner: string;
}

export class ConsoleInput {
  #claims: Claim[] = [];
  #queue: string[] = [];
  #held = 0;
  #dropped = 0;

  constructor(
    private readonly deliver: (data: string) => void,
    private readonly changed: (state: InputState) => void = () => {},
  ) {}

  /** What the user typed or pasted. */
  type(data: string): void {
    const claim = this.#claims.at(-1);
    if (!claim) return this.deliver(data);
    if (TERMINAL_REPORT.test(data)) {
      // An answer to a question the machine before asked: meaningless to the one after.
      return;
    } else if (this.#held + data.length > MAX_HELD_CHARS) {
      this.#dropped += data.length;
    } else {
      this.#queue.push(data);
      this.#held += data.length;
    }
    this.changed(this.state());
  }

  /** `owner` takes the console until the returned function is called (once; later calls do nothing). */
  claim(owner: string): () => void {
    const claim: Claim = { owner };
    this.#claims.push(claim);
    this.changed(this.state());
    return () => {
      const i = this.#claims.indexOf(claim);
      if (i < 0) return;
      this.#claims.splice(i, 1);
      if (this.#claims.length === 0) this.#flush();
      this.changed(this.state());
    };
  }

  /** The machine is gone (failed, destroyed, moved to another host): what waited for it is
   * dropped, and returned (a migration delivers it on the target). */
  discard(): string {
    const data = this.#queue.join('');
    this.#queue = [];
    this.#held = 0;
    this.changed(this.state());
    return data;
  }

  state(): InputState {
    const claim = this.#claims.at(-1);
    if (claim && this.#dropped > 0) {
      return { kind: 'refused', owner: claim.owner, dropped: this.#dropped };
    }
    if (claim) return { kind: 'held', owner: claim.owner, chars: this.#held };
    return { kind: 'free' };
  }

  /** The queue goes out as one write: the guest reads the whole line at once. */
  #flush(): void {
    const data = this.#queue.join('');
    this.#queue = [];
    this.#held = 0;
    this.#dropped = 0;
    if (data) this.deliver(data);
  }
}
