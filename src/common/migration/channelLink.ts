// The migration link between two tabs: a BroadcastChannel of a name only the two ends know
// (a random id, told over the hosts' channel), usable from the emulator workers themselves, so
// the pages never cross a page's main thread. Whatever arrives is checked before it is used: a
// malformed message ends the migration (an abort), it is never half-applied.
import * as v from 'valibot';
import { describeIssues } from '../schema/validate';
import type { MigrationLink, MigrationMessage } from './protocol';
import { MAX_SPARSE_BYTES } from './sparse';

/** The largest guest memory a migration carries (the lab's largest choice is 256 MB). */
const MAX_PAGES = (1024 * 1024 * 1024) / 4096;

const Pages = v.pipe(
  v.instance(Uint32Array),
  v.check((p) => p.length <= MAX_PAGES, 'too many pages'),
);
const Data = v.instance(Uint8Array);
/** Frames sent on in one message, at most, and their largest size (a jumbo frame's). */
export const MAX_FORWARDED = 64;
const MAX_FRAME_BYTES = 9216;
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const Time = v.pipe(v.number(), v.finite());

const MessageSchema = v.variant('kind', [
  v.object({ kind: v.literal('pages'), round: Count, pages: Pages, data: Data }),
  v.object({
    kind: v.literal('final'),
    copy: v.object({
      pages: Pages,
      data: Data,
      state: v.object({
        length: v.pipe(Count, v.maxValue(MAX_SPARSE_BYTES)),
        chunks: Pages,
        data: Data,
      }),
      timeOrigin: Time,
      stoppedAt: Time,
    }),
  }),
  v.object({
    kind: v.literal('listening'),
    hashes: v.nullable(
      v.pipe(
        v.instance(Uint8Array),
        v.check((h) => h.byteLength <= MAX_PAGES * 32, 'too many hashes'),
      ),
    ),
  }),
  v.object({
    kind: v.literal('frames'),
    frames: v.pipe(
      v.array(
        v.pipe(
          v.instance(Uint8Array),
          v.check((f) => f.byteLength <= MAX_FRAME_BYTES, 'a frame too large'),
        ),
      ),
      v.maxLength(MAX_FORWARDED),
    ),
  }),
  v.object({ kind: v.literal('received'), round: Count }),
  v.object({ kind: v.literal('resumed'), at: Time }),
  v.object({ kind: v.literal('abort'), reason: v.pipe(v.string(), v.maxLength(500)) }),
]);

/** A message from the other end, or an abort saying what was wrong with it. */
export function readMessage(raw: unknown): MigrationMessage {
  const result = v.safeParse(MessageSchema, raw, { abortEarly: true });
  if (result.success) return result.output;
  return { kind: 'abort', reason: `a malformed message (${describeIssues(result.issues)})` };
}

/** One end of the link over a BroadcastChannel named `name`. */
export function channelLink(name: string): MigrationLink {
  const channel = new BroadcastChannel(name);
  return {
    send: (message) => channel.postMessage(message),
    listen: (listener) => {
      const hear = (event: MessageEvent) => listener(readMessage(event.data));
      channel.addEventListener('message', hear);
      return () => channel.removeEventListener('message', hear);
    },
    close: () => channel.close(),
  };
}
