// Joins a switch to the switch of the same name in the lab's other tabs (same origin), through a
// BroadcastChannel: one port stands for all of them. What reaches the port goes to every other
// tab, with the name of the machine that sent it; what comes from them enters through the port.
// A frame never goes back to the channel it came from, so there are no loops.
import type { SwitchPort, VirtualSwitch } from './Switch';

interface BridgedFrame {
  from: string;
  bytes: Uint8Array;
}

export class TabBridge {
  readonly port: SwitchPort;
  readonly #channel: BroadcastChannel;
  /** Who sent the frame being switched now (the switch delivers synchronously). */
  sender = '';

  constructor(
    private readonly target: VirtualSwitch,
    lanName: string,
    label: string,
  ) {
    this.#channel = new BroadcastChannel(`aula86-switch:${lanName}`);
    this.port = target.attach(label, (bytes) => {
      const message: BridgedFrame = { from: this.sender, bytes };
      this.#channel.postMessage(message);
    });
    this.#channel.onmessage = (event: MessageEvent<BridgedFrame>) => {
      const { from, bytes } = event.data;
      if (!(bytes instanceof Uint8Array) || typeof from !== 'string') return;
      if (bytes.length < 14 || bytes.length > 65_535) return;
      // Marked, so that another tab's pc1 is not taken for this tab's.
      this.target.input(this.port, bytes, `${from.slice(0, 63)} ⇄`);
    };
  }

  dispose(): void {
    this.#channel.onmessage = null;
    this.#channel.close();
    this.target.detach(this.port);
  }
}
