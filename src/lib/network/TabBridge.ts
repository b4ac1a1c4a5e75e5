// Joins a switch to the switch of the same name in the lab's other tabs (same origin): one port
// stands for all of them. What reaches the port goes to every other tab, with the name of the
// machine that sent it; what comes from them enters through the port. The channel itself is
// listened to by the bridge worker (bridge/bridge.worker.ts), which checks and limits every
// message before the page sees it. A frame never goes back to the channel it came from.
import { RpcClient, type RpcPort } from '../../common/rpc/rpc';
import type { BridgeEvents, BridgeMethods } from '../../common/protocol/bridge';
import type { SwitchPort, VirtualSwitch } from './Switch';

/** What the other tabs sent that the bridge refused (shown by the packet view). */
export interface RefusedFromTabs {
  malformed: number;
  overLimit: number;
  /** Times the link stopped listening for a while, flooded. */
  rests: number;
}

type Receiver = {
  frames(frames: BridgeEvents['frames']['frames']): void;
  refused(counts: RefusedFromTabs): void;
};

/** The page's one bridge worker, shared by its switches, started when the first joins. */
export class BridgeLink {
  #rpc: RpcClient<BridgeMethods, BridgeEvents> | null = null;
  #receivers = new Map<string, Receiver>();

  constructor(
    /** Starts the bridge: its worker (tests serve it on a MessagePort). */
    private readonly start: () => RpcPort & { terminate?(): void } = () =>
      new Worker(new URL('../../worker/bridge/bridge.worker.ts', import.meta.url), {
        type: 'module',
      }),
  ) {}

  join(lan: string, receiver: Receiver): void {
    if (!this.#rpc) {
      const rpc = (this.#rpc = new RpcClient(this.start()));
      rpc.on('frames', ({ lan, frames }) => this.#receivers.get(lan)?.frames(frames));
      rpc.on('refused', ({ lan, ...counts }) => this.#receivers.get(lan)?.refused(counts));
    }
    this.#receivers.set(lan, receiver);
    this.#rpc.notify('join', lan);
  }

  leave(lan: string): void {
    this.#receivers.delete(lan);
    this.#rpc?.notify('leave', lan);
  }

  send(lan: string, from: string, bytes: Uint8Array): void {
    const copy = bytes.slice();
    this.#rpc?.notify('send', { lan, frame: { from, bytes: copy } }, [copy.buffer]);
  }

  dispose(): void {
    this.#rpc?.terminate();
    this.#rpc = null;
    this.#receivers.clear();
  }
}

export class TabBridge {
  readonly port: SwitchPort;
  /** Who sent the frame being switched now (the switch delivers synchronously). */
  sender = '';

  constructor(
    private readonly target: VirtualSwitch,
    private readonly link: BridgeLink,
    private readonly lanName: string,
    label: string,
    onRefused: (counts: RefusedFromTabs) => void,
  ) {
    this.port = target.attach(label, (bytes) => link.send(lanName, this.sender, bytes), true);
    link.join(lanName, {
      // Marked, so that another tab's pc1 is not taken for this tab's.
      frames: (frames) => {
        for (const { from, bytes } of frames) this.target.input(this.port, bytes, `${from} ⇄`);
      },
      refused: onRefused,
    });
  }

  dispose(): void {
    this.link.leave(this.lanName);
    this.target.detach(this.port);
  }
}
