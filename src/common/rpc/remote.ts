// A worker's protocol as an object of methods, derived from the protocol's one type: a method
// marked `notify` is sent without waiting (keystrokes, frames), every other one is a call whose
// answer is a promise. The wiring says, per method, which buffers of its arguments move to the
// worker rather than being copied; its type makes it list every method of the protocol, so a
// method added to the protocol and not wired does not compile.
import type { Unsubscribe } from '../events/emitter';
import type { CallOptions, Events, Methods, RpcClient, RpcError } from './rpc';

/** A protocol method sent as a notification: nobody waits for an answer. */
export interface Notification {
  notify: true;
}

/** What the page calls: a method per protocol method, with no argument where it takes `null`. */
export type Remote<M extends Methods> = {
  [K in keyof M]: (
    ...args: M[K]['args'] extends null ? [] : [args: M[K]['args']]
  ) => M[K] extends Notification ? void : Promise<M[K]['result']>;
};

/** What the worker reports without being asked: each `on()` returns its undo. */
export interface EventSource<E extends Events> {
  on<K extends keyof E & string>(name: K, listener: (data: E[K]) => void): Unsubscribe;
  /** The worker died, or a notification failed in it. */
  onCrash(listener: (error: RpcError) => void): Unsubscribe;
}

/**
 * Per method: `notify` exactly where the protocol marks a notification, the buffers to move,
 * and for a call its time limit.
 */
export type Wiring<M extends Methods> = {
  [K in keyof M]: { transfer?: (args: M[K]['args']) => Transferable[] } & (M[K] extends Notification
    ? { notify: true }
    : { notify?: never; timeoutMs?: number });
};

/** The methods of `client`'s protocol, as `wiring` says to send them. */
export function remote<M extends Methods, E extends Events>(
  client: RpcClient<M, E>,
  wiring: Wiring<M>,
): Remote<M> {
  const methods: Partial<Record<keyof M, (args?: unknown) => unknown>> = {};
  for (const name of Object.keys(wiring) as (keyof M & string)[]) {
    const wire = wiring[name];
    methods[name] = (args: unknown = null) => {
      const moved = wire.transfer?.(args) ?? [];
      if (wire.notify) return client.notify(name, args, moved);
      const options: CallOptions = { transfer: moved, timeoutMs: wire.timeoutMs };
      return client.call(name, args, options);
    };
  }
  return methods as unknown as Remote<M>;
}
