// An inbox for a channel that carries only a notice that something changed (e.g. "the snapshot
// list changed: read it again"): exactly that word, at most a few times a second. Pure.
import * as v from 'valibot';
import { TokenBucket } from '../../common/limits/tokenBucket';
import { FloodMeter } from '../../common/limits/floodMeter';
import type { Inbox } from '../../common/tabs/TabChannel';

/** Notices a second (and at once) a listener acts on; more are refused. */
export const NOTICES_PER_SECOND = 10;
/** Refusals within a second that make a flood. */
export const NOTICE_FLOOD = 200;

export class NoticeInbox implements Inbox<string> {
  readonly #schema: v.LiteralSchema<string, undefined>;
  readonly #bucket: TokenBucket;
  readonly #floods: FloodMeter;

  constructor(word: string, now: () => number = Date.now) {
    this.#schema = v.literal(word);
    this.#bucket = new TokenBucket(NOTICES_PER_SECOND, NOTICES_PER_SECOND, now);
    this.#floods = new FloodMeter(NOTICE_FLOOD, now);
  }

  accept(data: unknown): string | null {
    if (!v.is(this.#schema, data) || !this.#bucket.take()) {
      this.#floods.refused();
      return null;
    }
    return data;
  }

  flooding(): boolean {
    return this.#floods.flooding();
  }
}
