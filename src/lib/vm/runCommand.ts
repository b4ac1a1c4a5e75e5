// Runs a shell command in a machine's guest as a program would (typed into its console) and
// waits until its output matches: for lab actions that drive the guest (measuring the network).
import { DisposableStore } from '../../common/events/emitter';
import type { Machine } from './Machine.svelte';
import { endsWithPrompt } from './readiness';

export class CommandError extends Error {
  override name = 'CommandError';
}

/**
 * The output after the command until `until` matched (at most the last 64 KB of it); 'prompt':
 * until the shell is back at its prompt.
 */
export function runCommand(
  machine: Machine,
  command: string,
  until: RegExp | 'prompt',
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const subscriptions = new DisposableStore();
    const decoder = new TextDecoder();
    let text = '';
    const finish = (outcome: string | Error) => {
      subscriptions.dispose();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    subscriptions.add(
      machine.console.events.on('output', (bytes) => {
        text = (text + decoder.decode(bytes, { stream: true })).slice(-65_536);
        if (until === 'prompt' ? endsWithPrompt(text) : until.test(text)) finish(text);
      }),
    );
    const fail = (why: string) => () => finish(new CommandError(`${machine.name}: ${why}`));
    subscriptions.add(machine.console.events.on('poweredOn', fail('restarted')));
    subscriptions.add(machine.console.events.on('restored', fail('restored')));
    const timer = setTimeout(fail(`no answer to “${command}”`), timeoutMs);
    subscriptions.add(() => clearTimeout(timer));
    if (signal) {
      const cancel = fail('cancelled');
      signal.addEventListener('abort', cancel);
      subscriptions.add(() => signal.removeEventListener('abort', cancel));
    }
    machine.console.typeAsProgram(`${command}\n`);
  });
}
