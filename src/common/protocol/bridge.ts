// What the bridge worker (bridge.worker.ts) answers and reports, over the lab's one RPC: it
// listens to the lab's other tabs on each switch's BroadcastChannel, so that what they send is
// checked and limited off the page's main thread.

/** A frame crossing between tabs: the machine that sent it, and its bytes. */
export interface BridgedFrame {
  from: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export type BridgeMethods = {
  /** Listen to the other tabs on the switch of this name. */
  join: { args: string; result: void };
  leave: { args: string; result: void };
  /** A frame for the other tabs (a notification). */
  send: { args: { lan: string; frame: BridgedFrame }; result: void };
};

export type BridgeEvents = {
  /** Frames from the other tabs that passed the checks, in the order they came. */
  frames: { lan: string; frames: BridgedFrame[] };
  /**
   * Messages refused since the last report (at most one report a second per switch), and how
   * often the bridge stopped listening for a while because of a flood.
   */
  refused: { lan: string; malformed: number; overLimit: number; rests: number };
};
