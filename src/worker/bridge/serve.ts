// The bridge, run in a worker of its own (bridge.worker.ts): joins each switch of this tab to the
// switch of the same name in the lab's other tabs (same origin) through a BroadcastChannel,
// listened to as hostile input (tabs/TabChannel.ts): every message is checked and limited here
// (inbox.ts), so a flood or a malformed message never reaches the page, and a flood makes the
// bridge stop listening for a while. What passes goes to the page in batches.
import { serveRpc, type Handlers, type RpcPort, type RpcServer } from '../../common/rpc/rpc';
import { TabChannel } from '../../common/tabs/TabChannel';
import { BridgeInbox } from './inbox';
import type { BridgedFrame, BridgeEvents, BridgeMethods } from '../../common/protocol/bridge';

/** Frames wait at most this long to go to the page together. */
const BATCH_MS = 2;
/** A switch's refusals are reported at most this often. */
const REPORT_MS = 1000;

interface Joined {
  channel: TabChannel<BridgedFrame>;
  inbox: BridgeInbox;
  batch: BridgedFrame[];
  flushing: boolean;
  reportedAt: number;
  /** A report held back by the rate: it goes when the rate allows, even if no message comes. */
  reportLater: ReturnType<typeof setTimeout> | null;
}

/** Serves the bridge on `port` (the worker's own scope, or a MessagePort in tests). */
export function serveBridge(port: RpcPort): void {
  const joined = new Map<string, Joined>();

  function flush(lan: string, link: Joined): void {
    link.flushing = false;
    const frames = link.batch;
    link.batch = [];
    if (frames.length > 0) {
      report.emit(
        'frames',
        { lan, frames },
        frames.map((f) => f.bytes.buffer),
      );
    }
    reportRefusals(lan, link);
  }

  /**
   * The refusals since the last report, at most once a second; held back ones go when the
   * second is over (a flood that ends, or rests the channel, leaves no message to carry them).
   */
  function reportRefusals(lan: string, link: Joined): void {
    const wait = REPORT_MS - (Date.now() - link.reportedAt);
    if (wait > 0) {
      link.reportLater ??= setTimeout(() => {
        link.reportLater = null;
        reportRefusals(lan, link);
      }, wait);
      return;
    }
    const counts = link.inbox.takeCounts();
    if (!counts) return;
    link.reportedAt = Date.now();
    report.emit('refused', { lan, ...counts });
  }

  /** Every message ends up here or refused: the batch goes (with the refusals) soon after. */
  function soon(lan: string, link: Joined): void {
    if (link.flushing) return;
    link.flushing = true;
    setTimeout(() => flush(lan, link), BATCH_MS);
  }

  const handlers: Handlers<BridgeMethods> = {
    join: (lan) => {
      if (joined.has(lan)) return;
      const inbox = new BridgeInbox();
      // Refusals are reported with the next batch: the inbox is asked for each message.
      const counting = {
        accept: (data: unknown) => {
          const frame = inbox.accept(data);
          soon(lan, link);
          return frame;
        },
        flooding: () => inbox.flooding(),
      };
      const link: Joined = {
        channel: new TabChannel(`aula86-switch:${lan}`, counting, (frame) =>
          link.batch.push({ from: frame.from, bytes: frame.bytes.slice() }),
        ),
        inbox,
        batch: [],
        flushing: false,
        reportedAt: 0,
        reportLater: null,
      };
      joined.set(lan, link);
    },
    leave: (lan) => {
      const link = joined.get(lan);
      link?.channel.close();
      if (link?.reportLater) clearTimeout(link.reportLater);
      joined.delete(lan);
    },
    send: ({ lan, frame }) => joined.get(lan)?.channel.post(frame),
  };

  const report: RpcServer<BridgeEvents> = serveRpc<BridgeMethods, BridgeEvents>(port, handlers);
}
