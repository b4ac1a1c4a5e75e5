// What comes in from the lab's other tabs on a switch's channel, checked before it costs the page
// anything: a frame the schema accepts (a sender's name, an Ethernet frame of a real size), and
// no more of them than the limits allow; everything else counted and dropped. Pure.
import * as v from 'valibot';
import { TokenBucket } from '../../common/limits/tokenBucket';
import { cleanName } from '../../common/text/names';
import { FloodMeter } from '../../common/limits/floodMeter';
import type { Inbox } from '../../common/tabs/TabChannel';
import type { BridgedFrame } from '../../common/protocol/bridge';

/** The shortest Ethernet frame the switch takes (two MACs and a type) and the longest (one VLAN tag). */
export const MIN_FRAME = 14;
export const MAX_FRAME = 1518;
/**
 * Frames and bytes a second the other tabs may bring into one switch, all together, and the
 * most at once: enough for pings, a telnet session and a file sent with nc between tabs, and
 * little enough that a flood costs the page a few milliseconds a second (measured: a burst of
 * 2,000 frames at once was a 200 ms task on this 2-core machine).
 */
export const FRAMES_PER_SECOND = 500;
export const FRAMES_AT_ONCE = 50;
export const BYTES_PER_SECOND = 512 * 1024;

const BridgedFrameSchema = v.object({
  // A name another page chose: cleaned as every name the lab shows (no reading-order tricks).
  from: v.pipe(
    v.string(),
    v.maxLength(63),
    v.transform((from) => cleanName(from, 63) ?? '?'),
  ),
  bytes: v.pipe(
    v.instance(Uint8Array),
    v.check((b) => b.length >= MIN_FRAME && b.length <= MAX_FRAME, 'is not an Ethernet frame'),
    // A sender's address is one card's: not a group address, not all zeros.
    v.check((b) => (b[6]! & 1) === 0 && b.subarray(6, 12).some((x) => x !== 0), 'no sender'),
  ),
});

/**
 * Refusals within one second that make it a flood: then the bridge stops listening for a while
 * (TabChannel), and the browser stops delivering the flood to this tab at all.
 */
export const FLOOD_REFUSALS = 2000;

export interface InboxCounts {
  malformed: number;
  overLimit: number;
  /** Times the bridge stopped listening because of a flood. */
  rests: number;
}

export class BridgeInbox implements Inbox<BridgedFrame> {
  #frames: TokenBucket;
  #bytes: TokenBucket;
  #counts: InboxCounts = { malformed: 0, overLimit: 0, rests: 0 };
  #floods: FloodMeter;

  constructor(now: () => number = Date.now) {
    this.#floods = new FloodMeter(FLOOD_REFUSALS, now);
    this.#frames = new TokenBucket(FRAMES_PER_SECOND, FRAMES_AT_ONCE, now);
    this.#bytes = new TokenBucket(BYTES_PER_SECOND, FRAMES_AT_ONCE * MAX_FRAME, now);
  }

  /** The frame in `data`, if it is one and within the limits; else null (counted). */
  accept(data: unknown): BridgedFrame | null {
    // The cheap refusal first: a flood costs one comparison a message once the bucket is empty.
    if (!this.#frames.take()) {
      this.#refuse();
      return null;
    }
    const parsed = v.safeParse(BridgedFrameSchema, data);
    if (!parsed.success) {
      this.#counts.malformed++;
      return null;
    }
    const { from, bytes } = parsed.output;
    if (!this.#bytes.take(bytes.length)) {
      this.#refuse();
      return null;
    }
    return { from, bytes };
  }

  /** True once the refusals of the last second make a flood: time to stop listening (counted). */
  flooding(): boolean {
    if (!this.#floods.flooding()) return false;
    this.#counts.rests++;
    return true;
  }

  /** What was refused since the last call (then forgotten). */
  takeCounts(): InboxCounts | null {
    const counts = this.#counts;
    if (counts.malformed === 0 && counts.overLimit === 0 && counts.rests === 0) return null;
    this.#counts = { malformed: 0, overLimit: 0, rests: 0 };
    return counts;
  }

  #refuse(): void {
    this.#counts.overLimit++;
    this.#floods.refused();
  }
}
