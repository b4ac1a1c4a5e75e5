// Runs a shell command in a machine's guest as a program does: typed into its console while the
// program drives it (the student's typing is held meanwhile), and waits until the output says
// the answer is complete. The one way the lab's programs type into a guest's shell.
import { DisposableStore } from '../../common/events/emitter';
import type { Drive } from './DriverSeat.svelte';
import type { Machine } from './Machine.svelte';
import { endsWithPrompt } from './readiness';

export type CommandFailure = 'timeout' | 'interrupted' | 'cancelled';

export class CommandError extends Error {
  override name = 'CommandError';
  constructor(
    readonly code: CommandFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface CommandOptions {
  /** When the answer is whole: a pattern in the output, the shell back at its prompt, or a test. */
  until: RegExp | 'prompt' | ((output: string) => boolean);
  timeoutMs: number;
  /** Aborted: the command fails ('cancelled', or the abort's reason if it is a failure code). */
  signal?: AbortSignal;
  /** Each piece of output as it comes, with the output so far and when it came (page clock). */
  onOutput?: (output: string, at: number) => void;
}

/** How much output is kept (the end of it). */
const KEEP_CHARS = 65_536;

/**
 * Types `command` into `machine`'s shell for the program holding `drive`; resolves to the output
 * after it (its last 64 KB) once `until` says it is whole. Fails if the machine is restarted or
 * restored meanwhile, on timeout, or when `signal` aborts.
 */
export function runCommand(
  machine: Machine,
  drive: Drive,
  command: string,
  { until, timeoutMs, signal, onOutput }: CommandOptions,
): Promise<string> {
  if (!machine.seat.holds(drive)) {
    return Promise.reject(new Error(`${machine.name}: a program types only while it drives`));
  }
  const done =
    until === 'prompt'
      ? endsWithPrompt
      : until instanceof RegExp
        ? (text: string) => until.test(text)
        : until;
  return new Promise((resolve, reject) => {
    const subscriptions = new DisposableStore();
    const decoder = new TextDecoder();
    let text = '';
    const finish = (outcome: string | CommandError) => {
      subscriptions.dispose();
      if (outcome instanceof CommandError) reject(outcome);
      else resolve(outcome);
    };
    const fail = (code: CommandFailure, why: string) => () =>
      finish(new CommandError(code, `${machine.name}: ${why}`));
    const { events } = machine.console;
    subscriptions.add(
      events.on('output', (bytes) => {
        text = (text + decoder.decode(bytes, { stream: true })).slice(-KEEP_CHARS);
        onOutput?.(text, performance.now());
        if (done(text)) finish(text);
      }),
    );
    subscriptions.add(events.on('poweredOn', fail('interrupted', 'restarted')));
    subscriptions.add(events.on('restored', fail('interrupted', 'restored')));
    const timer = setTimeout(fail('timeout', `no answer to “${command}”`), timeoutMs);
    subscriptions.add(() => clearTimeout(timer));
    for (const aborting of [signal, drive.signal]) {
      if (!aborting) continue;
      const cancel = () => {
        const reason: unknown = aborting.reason;
        const code = reason === 'interrupted' || reason === 'timeout' ? reason : 'cancelled';
        fail(code, typeof reason === 'string' ? reason : 'cancelled')();
      };
      if (aborting.aborted) return cancel();
      aborting.addEventListener('abort', cancel);
      subscriptions.add(() => aborting.removeEventListener('abort', cancel));
    }
    machine.console.typeAsProgram(`${command}\n`);
  });
}
