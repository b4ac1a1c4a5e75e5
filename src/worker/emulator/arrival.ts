// A guest arriving by live migration, as its network card sees it. While its RAM is being filled
// the frames for it are dropped (its card would write them into that RAM). From the moment the
// source stops it, the lab's network is told it is here (its announcement, a gratuitous ARP, goes
// out at once, so the switch sends its traffic here during the stop-and-copy) and the frames that
// come are kept, then handed to it once it runs. The announcement is said again a little later,
// as hypervisors do: a frame it sent on the source just before it stopped, still on its way,
// must not have the last word on where it is.

/** When the announcement is said again after the guest runs here, ms. */
export const ANNOUNCE_AGAIN_MS = [0, 100, 300, 700, 1500, 3000];
/** Frames kept during the stop-and-copy, at most (a ping at 10/s needs one or two). */
export const MAX_KEPT = 64;

export interface ArrivalPorts {
  /** Sends a frame from the guest's card to the lab's network. */
  send(frame: Uint8Array<ArrayBuffer>): void;
  /** Hands frames to the guest's card. */
  deliver(frames: Uint8Array<ArrayBuffer>[]): void;
  later(ms: number, work: () => void): void;
}

export class Arrival {
  #phase: 'none' | 'filling' | 'stopped' = 'none';
  #announcement: Uint8Array<ArrayBuffer> | null = null;
  #kept: Uint8Array<ArrayBuffer>[] = [];

  constructor(private readonly ports: ArrivalPorts) {}

  get arriving(): boolean {
    return this.#phase !== 'none';
  }

  begin(announcement: Uint8Array<ArrayBuffer> | null): void {
    this.#phase = 'filling';
    this.#announcement = announcement;
    this.#kept = [];
  }

  /** The source stopped the guest: its last pages and state are on their way. */
  sourceStopped(): void {
    if (this.#phase !== 'filling') return;
    this.#phase = 'stopped';
    this.#announce();
  }

  /** Frames for the guest: true if the arrival took them (kept, or dropped while filling). */
  take(frames: Uint8Array<ArrayBuffer>[]): boolean {
    if (this.#phase === 'none') return false;
    if (this.#phase === 'stopped') this.#kept.push(...frames);
    this.#kept.splice(MAX_KEPT);
    return true;
  }

  /** The guest runs here: the frames kept are its, and the announcement is said again. */
  resumed(): void {
    const kept = this.#kept;
    this.end();
    if (kept.length > 0) this.ports.deliver(kept);
    const announcement = this.#announcement;
    if (announcement)
      for (const ms of ANNOUNCE_AGAIN_MS)
        this.ports.later(ms, () => this.ports.send(announcement.slice()));
  }

  /** The arrival ended (run, or failed): frames go to the guest as usual again. */
  end(): void {
    this.#phase = 'none';
    this.#kept = [];
  }

  #announce(): void {
    if (this.#announcement) this.ports.send(this.#announcement.slice());
  }
}
