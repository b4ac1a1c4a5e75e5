// A machine's guest agent, as the lab's programs use it: `exec(command)` runs a command in the
// guest out of the student's sight (on the control port, not in their shell) and resolves to its
// exit status and whole output. One request at a time, each with a time limit; a request given
// up on is stopped in the guest ("agent reset") so the next one is not kept waiting behind it.
import { DisposableStore } from '../../common/events/emitter';
import type { Emulator } from '../vm/EmulatorClient';
import { AgentError, AgentReply, requestLine, type AgentResult } from './agentReplies';

export { AgentError, type AgentResult } from './agentReplies';

/** What the agent needs of an emulator: the control port both ways. */
export type AgentLink = Pick<Emulator, 'on' | 'sendSerial'>;

const DEFAULT_TIMEOUT_MS = 10_000;
/** How long the agent may take to start again after a reset. */
const RESTART_MS = 3000;
const encoder = new TextEncoder();

interface InFlight {
  reply: AgentReply;
  finish(outcome: AgentResult | AgentError): void;
}

export class GuestAgent {
  #emulator: AgentLink | null = null;
  #subscriptions = new DisposableStore();
  #inFlight: InFlight | null = null;
  /** Requests wait here for the one before them. */
  #queue: Promise<unknown> = Promise.resolve();
  /** After a reset, until the agent says it is ready again (or a while has passed). */
  #restarting: { done: () => void } | null = null;
  #restarted: Promise<void> = Promise.resolve();

  /** The emulator now running the guest (null: none): a request in flight fails. */
  connect(emulator: AgentLink | null): void {
    this.#subscriptions.dispose();
    this.#inFlight?.finish(new AgentError('restarted', 'the machine was restarted'));
    this.#emulator = emulator;
    if (emulator) this.#subscriptions.add(emulator.on('agent', (lines) => this.#hear(lines)));
  }

  /**
   * Runs `command` (one line of shell) in the guest; its status and output, or an AgentError.
   * A status other than 0 is an answer, not a failure.
   */
  exec(
    command: string,
    { timeoutMs = DEFAULT_TIMEOUT_MS, signal }: { timeoutMs?: number; signal?: AbortSignal } = {},
  ): Promise<AgentResult> {
    const turn = this.#queue.then(async () => {
      await this.#restarted;
      return this.#send(command, timeoutMs, signal);
    });
    this.#queue = turn.catch(() => undefined);
    return turn;
  }

  #send(command: string, timeoutMs: number, signal?: AbortSignal): Promise<AgentResult> {
    const emulator = this.#emulator;
    // Thrown here, these reach the caller as the request's rejection (exec's turn is async).
    if (!emulator) throw new AgentError('noMachine', 'no machine runs');
    const id = crypto.randomUUID().slice(0, 8);
    const line = requestLine(id, command);
    return new Promise((resolve, reject) => {
      // Given up on: stopped in the guest too, so that the agent is free for the next request.
      const giveUp = (error: AgentError) => {
        this.#reset(emulator);
        flight.finish(error);
      };
      const timer = setTimeout(
        () => giveUp(new AgentError('timeout', `no answer in ${timeoutMs} ms to “${command}”`)),
        timeoutMs,
      );
      const cancel = () => giveUp(new AgentError('cancelled', 'cancelled'));
      signal?.addEventListener('abort', cancel);
      const flight: InFlight = {
        reply: new AgentReply(id),
        finish: (outcome) => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', cancel);
          if (this.#inFlight === flight) this.#inFlight = null;
          if (outcome instanceof AgentError) reject(outcome);
          else resolve(outcome);
        },
      };
      this.#inFlight = flight;
      if (signal?.aborted) return cancel();
      this.#control(emulator, line);
    });
  }

  /** Stops the agent's request in the guest; the next waits until the agent is back. */
  #reset(emulator: AgentLink): void {
    this.#restarted = new Promise<void>((resolve) => {
      const timer = setTimeout(() => done(), RESTART_MS);
      const done = () => {
        clearTimeout(timer);
        this.#restarting = null;
        resolve();
      };
      this.#restarting = { done };
    });
    this.#control(emulator, 'agent reset');
  }

  #hear(lines: string[]): void {
    for (const line of lines) {
      if (line === 'a ready' && this.#restarting) {
        this.#restarting.done(); // the reset the lab asked for, not the request's doing
        continue;
      }
      const flight = this.#inFlight;
      if (!flight) continue;
      const event = flight.reply.feed(line);
      if (event?.kind === 'done') flight.finish(event.result);
      else if (event?.kind === 'failed') flight.finish(event.error);
      else if (event?.kind === 'restarted') {
        flight.finish(new AgentError('restarted', 'the agent started again'));
      }
    }
  }

  #control(emulator: AgentLink, line: string): void {
    emulator.sendSerial({ port: 1, bytes: encoder.encode(`${line}\n`) });
  }
}
