// What a switch carried, for the packet view: a ring of the last frames (bounded memory), with
// how many fell out of it. A component that reads it redraws when it does: at most ten times a
// second, however fast frames come.
import { createSubscriber } from 'svelte/reactivity';
import { Emitter } from '../../common/events/emitter';
import type { CapturedFrame } from './pcap';

export interface LoggedFrame extends CapturedFrame {
  /** 1, 2, 3, … in the order the switch saw them. */
  seq: number;
  /** Who sent it: a machine's name, "DHCP", or a machine in another tab. */
  from: string;
}

const REDRAW_MS = 100;

export class PacketLog {
  /** Said (throttled) when frames arrived or the log was cleared. */
  readonly events = new Emitter<{ redrawn: null }>();
  /** Frames that no longer fit in the ring. */
  overwritten = $state.raw(0);
  readonly #ring: (LoggedFrame | undefined)[];
  #next = 0;
  #seq = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  /** A reader in a component redraws with the log. */
  readonly #watch = createSubscriber((update) => this.events.on('redrawn', update));

  constructor(readonly capacity = 5000) {
    this.#ring = new Array<LoggedFrame | undefined>(capacity);
  }

  get total(): number {
    this.#watch();
    return this.#seq;
  }

  add(time: number, from: string, bytes: Uint8Array): void {
    if (this.#ring[this.#next]) this.#overwrittenCount++;
    this.#ring[this.#next] = { seq: ++this.#seq, time, from, bytes };
    this.#next = (this.#next + 1) % this.capacity;
    this.#timer ??= setTimeout(() => this.#redraw(), REDRAW_MS);
  }

  /** The frames kept, oldest first. */
  frames(): LoggedFrame[] {
    this.#watch();
    const older = this.#ring.slice(this.#next);
    const newer = this.#ring.slice(0, this.#next);
    return [...older, ...newer].filter((f): f is LoggedFrame => f !== undefined);
  }

  clear(): void {
    this.#ring.fill(undefined);
    this.#next = 0;
    this.#overwrittenCount = 0;
    this.#redraw();
  }

  dispose(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.events.clear();
  }

  #overwrittenCount = 0;

  #redraw(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.overwritten = this.#overwrittenCount;
    this.events.emit('redrawn', null);
  }
}
