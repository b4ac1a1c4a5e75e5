// A BroadcastChannel to the lab's other tabs, listened to as hostile input: any page of the
// origin can post on it. Each message goes through `inbox.accept` (a schema and a rate: what it
// refuses costs nothing more) and only what it returns reaches `onMessage`; a flood makes the
// channel stop listening for `restMs`, so that the browser stops delivering it at all
// (refusing each message one by one still costs a core).

export interface Inbox<T> {
  /** The message's value if it passes the checks and the limits; null if refused. */
  accept(data: unknown): T | null;
  /** True once the refusals make a flood (see FloodMeter). */
  flooding(): boolean;
}

/** How long a flooded channel stops listening. */
export const REST_MS = 3000;

export class TabChannel<T> {
  #channel: BroadcastChannel | null = null;
  #resting: ReturnType<typeof setTimeout> | null = null;
  #closed = false;

  constructor(
    private readonly name: string,
    private readonly inbox: Inbox<T>,
    private readonly onMessage: (value: T) => void,
    private readonly restMs = REST_MS,
  ) {
    this.#listen();
  }

  /** Posts to the other tabs (not while resting from a flood). */
  post(message: unknown): void {
    this.#channel?.postMessage(message);
  }

  close(): void {
    this.#closed = true;
    this.#stop();
    if (this.#resting !== null) clearTimeout(this.#resting);
    this.#resting = null;
  }

  #listen(): void {
    const channel = new BroadcastChannel(this.name);
    channel.onmessage = (event: MessageEvent) => this.#receive(event.data);
    channel.onmessageerror = () => this.#receive(null);
    this.#channel = channel;
  }

  #receive(data: unknown): void {
    const value = this.inbox.accept(data);
    if (value !== null) this.onMessage(value);
    if (!this.inbox.flooding()) return;
    this.#stop();
    this.#resting = setTimeout(() => {
      this.#resting = null;
      if (!this.#closed) this.#listen();
    }, this.restMs);
  }

  #stop(): void {
    if (!this.#channel) return;
    this.#channel.onmessage = null;
    this.#channel.onmessageerror = null;
    this.#channel.close();
    this.#channel = null;
  }
}
