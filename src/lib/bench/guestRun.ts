// The guest side of the benchmark: types `aula-bench <workload>` into the guest's console, as a
// user would, and reads the answer back. The page times it (command sent → report line), the
// guest times itself, and the instruction counter around the run gives its MIPS.
import { DisposableStore } from '../../common/events/emitter';
import type { SpeedReading } from '../metrics/speed';
import { endsWithPrompt } from '../vm/readiness';
import type { Machine } from '../vm/Machine.svelte';
import { guestCommand, parseGuestReport, type RunResult, type Workload } from './workloads';

export type BenchFailure = 'guestFailed' | 'timeout' | 'interrupted' | 'cancelled';

export class BenchError extends Error {
  override name = 'BenchError';
  constructor(
    readonly code: BenchFailure,
    readonly detail = '',
  ) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
  }
}

export function runInGuest(
  machine: Machine,
  workload: Workload,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<RunResult> {
  return new Promise<RunResult>((resolve, reject) => {
    const subscriptions = new DisposableStore();
    const decoder = new TextDecoder();
    let text = '';
    let start: SpeedReading | null = null;
    let latest: SpeedReading | null = null;
    let sentAt = 0;
    let result: RunResult | null = null;

    const finish = (outcome: RunResult | BenchError) => {
      subscriptions.dispose();
      if (outcome instanceof BenchError) reject(outcome);
      else resolve(outcome);
    };

    subscriptions.add(
      machine.speed.events.on('counter', (reading) => {
        latest = reading;
        start ??= reading; // the worker reports the counter as the command reaches the guest
        if (machine.status !== 'running') finish(new BenchError('interrupted', machine.status));
      }),
    );
    subscriptions.add(
      machine.console.events.on('output', (bytes) => {
        const receivedAt = performance.now();
        text = (text + decoder.decode(bytes, { stream: true })).slice(-4096);
        if (!result) {
          const report = parseGuestReport(text);
          if (report) {
            const end = latest;
            result = { ms: receivedAt - sentAt, sum: report.sum, guestMs: report.ns / 1e6 };
            // instructions per ms / 1000 = millions per second
            if (start && end && end.at > start.at) {
              result.mips = (end.total - start.total) / (end.at - start.at) / 1000;
            }
          } else if (/not found|usage: aula-bench/.test(text)) {
            finish(new BenchError('guestFailed', text.trim().split('\n').at(-1) ?? ''));
            return;
          }
        }
        // Done when the shell is back at its prompt, ready for the next command.
        if (result && endsWithPrompt(text)) finish(result);
      }),
    );
    subscriptions.add(
      machine.console.events.on('poweredOn', () => finish(new BenchError('interrupted', 'reset'))),
    );
    subscriptions.add(
      machine.console.events.on('restored', () => finish(new BenchError('interrupted', 'restore'))),
    );
    const timer = setTimeout(() => finish(new BenchError('timeout')), timeoutMs);
    subscriptions.add(() => clearTimeout(timer));
    const cancel = () => finish(new BenchError('cancelled'));
    signal.addEventListener('abort', cancel);
    subscriptions.add(() => signal.removeEventListener('abort', cancel));

    sentAt = performance.now();
    machine.console.typeAsProgram(`${guestCommand(workload)}\n`);
  });
}
