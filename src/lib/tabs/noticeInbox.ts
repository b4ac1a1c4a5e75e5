// An inbox for a channel that carries only a notice that something changed (e.g. "the snapshot
// list changed: read it again"): exactly that word, at most a few times a second. Pure.
import * as v from 'valibot';
import { SchemaInbox } from './schemaInbox';

/** Notices a second (and at once) a listener acts on; more are refused. */
export const NOTICES_PER_SECOND = 10;
/** Refusals within a second that make a flood. */
export const NOTICE_FLOOD = 200;

export class NoticeInbox extends SchemaInbox<string> {
  constructor(word: string, now: () => number = Date.now) {
    super(v.literal(word), { perSecond: NOTICES_PER_SECOND, flood: NOTICE_FLOOD }, now);
  }
}
