// The bridge, run in a worker of its own (bridge.worker.ts): joins each switch of this tab to the
// switch of the same name in the lab's other tabs (same origin) through a BroadcastChannel.
// Everything the other tabs send is checked and limited here (inbox.ts), so a flood or a
// malformed message never reaches the page; what passes goes to the page in batches. A flood
// makes the bridge stop listening for a while: the browser then stops delivering it at all.
import { serveRpc, type Handlers, type RpcPort, type RpcServer } from '../../workers/rpc';
import { BridgeInbox, REST_MS } from './inbox';
import type { BridgedFrame, BridgeEvents, BridgeMethods } from './protocol';

/** Frames wait at most this long to go to the page together. */
const BATCH_MS = 2;
/** A switch's refusals are reported at most this often. */
const REPORT_MS = 1000;

interface Joined {
  channel: BroadcastChannel | null;
  inbox: BridgeInbox;
  batch: BridgedFrame[];
  flushing: boolean;
  reportedAt: number;
  /** Not listening until this timer fires (a flood). */
  resting: ReturnType<typeof setTimeout> | null;
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
    const now = Date.now();
    if (now - link.reportedAt >= REPORT_MS) {
      const counts = link.inbox.takeCounts();
      if (counts) {
        link.reportedAt = now;
        report.emit('refused', { lan, ...counts });
      }
    }
  }

  function receive(lan: string, link: Joined, data: unknown): void {
    const frame = link.inbox.accept(data);
    if (frame) link.batch.push({ from: frame.from, bytes: frame.bytes.slice() });
    if (link.inbox.flooding()) rest(lan, link);
    if (!link.flushing) {
      link.flushing = true;
      setTimeout(() => flush(lan, link), BATCH_MS);
    }
  }

  function listen(lan: string, link: Joined): void {
    const channel = new BroadcastChannel(`aula86-switch:${lan}`);
    channel.onmessage = (event: MessageEvent) => receive(lan, link, event.data);
    channel.onmessageerror = () => receive(lan, link, null);
    link.channel = channel;
  }

  function close(link: Joined): void {
    if (link.channel) {
      link.channel.onmessage = null;
      link.channel.close();
      link.channel = null;
    }
    if (link.resting !== null) clearTimeout(link.resting);
    link.resting = null;
  }

  /** A flood: stop listening for REST_MS, so that the browser stops delivering it here. */
  function rest(lan: string, link: Joined): void {
    close(link);
    link.resting = setTimeout(() => {
      link.resting = null;
      if (joined.get(lan) === link) listen(lan, link);
    }, REST_MS);
  }

  const handlers: Handlers<BridgeMethods> = {
    join: (lan) => {
      if (joined.has(lan)) return;
      const link: Joined = {
        channel: null,
        inbox: new BridgeInbox(),
        batch: [],
        flushing: false,
        reportedAt: 0,
        resting: null,
      };
      listen(lan, link);
      joined.set(lan, link);
    },
    leave: (lan) => {
      const link = joined.get(lan);
      if (!link) return;
      close(link);
      joined.delete(lan);
    },
    send: ({ lan, frame }) => joined.get(lan)?.channel?.postMessage(frame),
  };

  const report: RpcServer<BridgeEvents> = serveRpc<BridgeMethods, BridgeEvents>(port, handlers);
}
