// The one way the page talks to its workers (emulator, snapshot codec, host benchmark): calls
// answered by id, buffers moved rather than copied, failures as typed values, a stream of
// events from the worker, time limits and termination. Both ends are here; the wire format is
// plain objects, so index.html's start-up script can speak it too (vite-plugin-guest-preload).
import { Emitter, type Unsubscribe } from '../events/emitter';
import { messageOf } from '../errors';

/** A worker's methods: what each takes and what it answers. */
export type Methods = { [method: string]: { args: unknown; result: unknown } };
/** What a worker reports without being asked. */
export type Events = { [name: string]: unknown };

/** Why a call failed, as it crosses from the worker: a code the caller can act on. */
export interface RpcFailure {
  code: string;
  message: string;
  detail?: unknown;
}

/** A failed call. `code` is the worker's own ('failed' for anything it threw untyped), or:
 * 'timeout' (no answer in time), 'terminated' (the client ended the worker), 'crashed'. */
export class RpcError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly detail?: unknown,
  ) {
    super(message);
    this.name = 'RpcError';
  }
}

export type RpcMessage =
  | { rpc: 'call'; id: number; method: string; args: unknown }
  /** A call whose answer nobody waits for (its failure is reported as a crash). */
  | { rpc: 'notify'; method: string; args: unknown }
  | { rpc: 'reply'; id: number; ok: true; value: unknown }
  | { rpc: 'reply'; id: number; ok: false; failure: RpcFailure }
  | { rpc: 'event'; name: string; data: unknown };

/** A value and the buffers in it to move to the other side instead of copying them. */
export class Transfer<T> {
  constructor(
    readonly value: T,
    readonly list: Transferable[],
  ) {}
}
export const transfer = <T>(value: T, list: Transferable[]): Transfer<T> =>
  new Transfer(value, list);

const unwrap = <T>(value: T | Transfer<T>): [T, Transferable[]] =>
  value instanceof Transfer ? [value.value, value.list] : [value, []];

/** What both a Worker and a MessagePort offer. */
export interface RpcPort {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/** The worker's own scope, as the port its RPC is served on (`self` is typed for a window). */
export const workerScope = (): RpcPort => self as unknown as RpcPort;

interface Pending {
  resolve(value: unknown): void;
  reject(error: RpcError): void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export interface CallOptions {
  transfer?: Transferable[];
  /** No answer in this long: the call fails with code 'timeout' (the worker is left running). */
  timeoutMs?: number;
}

export class RpcClient<M extends Methods, E extends Events> {
  #port: RpcPort & { terminate?(): void };
  #nextId = 0;
  #pending = new Map<number, Pending>();
  #events = new Emitter<E>();
  #crashes = new Emitter<{ crash: RpcError }>();
  #ended: RpcError | null = null;
  #receive = (event: MessageEvent) => this.#handle(event.data as RpcMessage);
  #error = (event: Event) => {
    event.preventDefault();
    const message = (event as ErrorEvent).message || 'the worker failed';
    this.#end(new RpcError('crashed', message));
  };

  /** `port`: a Worker (then also watched for crashes) or a MessagePort. */
  constructor(port: RpcPort & { terminate?(): void }) {
    this.#port = port;
    port.addEventListener('message', this.#receive);
    (port as Partial<Worker>).addEventListener?.('error', this.#error);
    (port as Partial<MessagePort>).start?.();
  }

  /** Handles what the worker sent before this client listened (once its listeners are on). */
  replay(earlier: unknown[]): void {
    for (const message of earlier) this.#handle(message as RpcMessage);
  }

  call<K extends keyof M & string>(
    method: K,
    args: M[K]['args'],
    options: CallOptions = {},
  ): Promise<M[K]['result']> {
    if (this.#ended) return Promise.reject(this.#ended);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer =
        options.timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              this.#pending.delete(id);
              reject(new RpcError('timeout', `${method}: no answer in ${options.timeoutMs} ms`));
            }, options.timeoutMs);
      this.#pending.set(id, { resolve: resolve, reject, timer });
      this.#post({ rpc: 'call', id, method, args }, options.transfer ?? []);
    });
  }

  /** A call whose answer is not awaited (e.g. keystrokes): its failure comes as a crash. */
  notify<K extends keyof M & string>(
    method: K,
    args: M[K]['args'],
    transfer: Transferable[] = [],
  ): void {
    if (!this.#ended) this.#post({ rpc: 'notify', method, args }, transfer);
  }

  on<K extends keyof E & string>(name: K, listener: (data: E[K]) => void): Unsubscribe {
    return this.#events.on(name, listener);
  }

  /** The worker died, or a notification failed in it. */
  onCrash(listener: (error: RpcError) => void): Unsubscribe {
    return this.#crashes.on('crash', listener);
  }

  /** Ends the worker at once; every open call fails with code 'terminated'. */
  terminate(): void {
    this.#port.terminate?.();
    (this.#port as Partial<MessagePort>).close?.();
    this.#end(new RpcError('terminated', 'the worker was stopped'));
    this.#events.clear();
    this.#crashes.clear();
  }

  /** How many calls wait for an answer. */
  get pending(): number {
    return this.#pending.size;
  }

  #post(message: RpcMessage, list: Transferable[]): void {
    this.#port.postMessage(message, list);
  }

  #handle(message: RpcMessage): void {
    if (message.rpc === 'event') {
      if (message.name === 'crash') {
        const { message: text } = message.data as RpcFailure;
        this.#crashes.emit('crash', new RpcError('crashed', text));
      } else this.#events.emit(message.name, message.data as E[string]);
      return;
    }
    if (message.rpc !== 'reply') return;
    const call = this.#pending.get(message.id);
    if (!call) return; // answered late, after its time ran out
    this.#pending.delete(message.id);
    clearTimeout(call.timer);
    if (message.ok) call.resolve(message.value);
    else {
      const { code, message: text, detail } = message.failure;
      call.reject(new RpcError(code, text, detail));
    }
  }

  #end(error: RpcError): void {
    if (this.#ended) return;
    this.#ended = error;
    this.#port.removeEventListener('message', this.#receive);
    for (const call of this.#pending.values()) {
      clearTimeout(call.timer);
      call.reject(error);
    }
    this.#pending.clear();
    if (error.code === 'crashed') this.#crashes.emit('crash', error);
  }
}

/** A worker method: its answer may be a Transfer (to move buffers back). */
export type Handlers<M extends Methods> = {
  [K in keyof M]: (
    args: M[K]['args'],
  ) =>
    M[K]['result'] | Transfer<M[K]['result']> | Promise<M[K]['result'] | Transfer<M[K]['result']>>;
};

/** Turns what a handler threw into a failure the caller can act on. */
export type DescribeFailure = (error: unknown) => RpcFailure | null;

export interface RpcServer<E extends Events> {
  emit<K extends keyof E & string>(name: K, data: E[K], transfer?: Transferable[]): void;
  /** Something failed outside any call: the client's onCrash hears it. */
  crash(error: unknown): void;
}

/**
 * Serves `handlers` on `port` (in a worker: `self`). Calls are answered in the order they
 * finish; a handler that throws answers with a failure (`describe` may type it; else 'failed').
 */
export function serveRpc<M extends Methods, E extends Events>(
  port: RpcPort,
  handlers: Handlers<M>,
  describe: DescribeFailure = () => null,
): RpcServer<E> {
  const post = (message: RpcMessage, list: Transferable[] = []) => port.postMessage(message, list);
  const failure = (error: unknown): RpcFailure =>
    describe(error) ?? { code: 'failed', message: messageOf(error) };
  const server: RpcServer<E> = {
    emit: (name, data, list = []) => post({ rpc: 'event', name, data }, list),
    crash: (error) => {
      const { message } = failure(error);
      post({ rpc: 'event', name: 'crash', data: { code: 'crashed', message } });
    },
  };
  port.addEventListener('message', (event: MessageEvent) => {
    const message = event.data as RpcMessage;
    if (message.rpc !== 'call' && message.rpc !== 'notify') return;
    const handler = handlers[message.method];
    const run = () =>
      handler
        ? Promise.resolve().then(() => handler(message.args))
        : Promise.reject(new Error(`no method ${message.method}`));
    void run().then(
      (answer) => {
        if (message.rpc !== 'call') return;
        const [value, list] = unwrap(answer);
        post({ rpc: 'reply', id: message.id, ok: true, value }, list);
      },
      (error: unknown) => {
        if (message.rpc === 'call')
          post({ rpc: 'reply', id: message.id, ok: false, failure: failure(error) });
        else server.crash(error);
      },
    );
  });
  (port as Partial<MessagePort>).start?.();
  return server;
}
