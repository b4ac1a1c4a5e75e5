// The page's handle on one emulator worker, derived from the emulator protocol: its methods
// (common/protocol/emulator.ts) and its events, to which each part of a machine subscribes on
// its own. Unit tests give machines a fake with the same shape (FakeEmulator.testing.ts).
import { RpcClient } from '../../common/rpc/rpc';
import { remote, type EventSource, type Remote } from '../../common/rpc/remote';
import {
  EMULATOR_WIRING,
  type EmulatorEvents,
  type EmulatorMethods,
  type EmulatorSetup,
} from '../../common/protocol/emulator';
import { takeEarlyEmulator } from './earlyEmulator';

/** One emulator worker: the protocol's methods, its events, and its end. */
export type Emulator = Remote<EmulatorMethods> &
  EventSource<EmulatorEvents> & {
    /** Ends the worker and the machine in it at once (nothing in it needs saving). */
    destroy(): void;
  };

/** Makes an emulator, set up (v86 loading); its creator subscribes before this task ends. */
export type CreateEmulator = (setup: EmulatorSetup) => Emulator;

/**
 * Starts a worker, which loads v86 and its WebAssembly straight away, while the page is still
 * fetching the guest. Or takes over the worker index.html started (set up already): what it
 * reported before anyone listened is handed on once the creator has subscribed (a microtask on).
 */
export const createWorkerEmulator: CreateEmulator = (setup) => {
  const early = takeEarlyEmulator();
  const worker =
    early?.worker ??
    new Worker(new URL('../../worker/emulator/emulator.worker.ts', import.meta.url), {
      type: 'module',
    });
  const rpc = new RpcClient<EmulatorMethods, EmulatorEvents>(worker);
  const emulator: Emulator = {
    ...remote(rpc, EMULATOR_WIRING),
    on: (name, listener) => rpc.on(name, listener),
    onCrash: (listener) => rpc.onCrash(listener),
    destroy: () => rpc.terminate(),
  };
  if (early) {
    worker.onmessage = null; // index.html's buffering ends here: the client listens now
    const earlier = early.messages.splice(0);
    queueMicrotask(() => rpc.replay(earlier));
  } else emulator.setup(setup);
  return emulator;
};
