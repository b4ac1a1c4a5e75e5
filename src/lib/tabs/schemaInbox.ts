// An inbox for a channel between the lab's tabs: a message passes when it matches its schema and
// the channel's rate allows it; what is refused counts towards a flood (see TabChannel). Pure.
import * as v from 'valibot';
import { TokenBucket } from '../../common/limits/tokenBucket';
import { FloodMeter } from '../../common/limits/floodMeter';
import type { Inbox } from '../../common/tabs/TabChannel';

export interface InboxLimits {
  /** Messages a second (and at once) a listener acts on; more are refused. */
  perSecond: number;
  /** Refusals within a second that make a flood. */
  flood: number;
}

export class SchemaInbox<T> implements Inbox<T> {
  readonly #bucket: TokenBucket;
  readonly #floods: FloodMeter;

  constructor(
    private readonly schema: v.GenericSchema<unknown, T>,
    limits: InboxLimits,
    now: () => number = Date.now,
  ) {
    this.#bucket = new TokenBucket(limits.perSecond, limits.perSecond, now);
    this.#floods = new FloodMeter(limits.flood, now);
  }

  accept(data: unknown): T | null {
    const parsed = v.safeParse(this.schema, data);
    if (!parsed.success || !this.#bucket.take()) {
      this.#floods.refused();
      return null;
    }
    return parsed.output;
  }

  flooding(): boolean {
    return this.#floods.flooding();
  }
}
