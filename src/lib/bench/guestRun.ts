// The guest side of the benchmark: runs `aula-bench <workload>` in the guest's shell (through
// runCommand, as the program driving the console) and reads the answer back. The page times it
// (command sent → report line), the guest times itself, and the instruction counter around the
// run gives its MIPS.
import type { SpeedReading } from '../metrics/speed';
import type { Drive } from '../vm/DriverSeat.svelte';
import { endsWithPrompt } from '../vm/readiness';
import type { Machine } from '../vm/Machine.svelte';
import { CommandError, runCommand } from '../vm/runCommand';
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

const NOT_THERE = /not found|usage: aula-bench/;

export async function runInGuest(
  machine: Machine,
  drive: Drive,
  workload: Workload,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<RunResult> {
  let start: SpeedReading | null = null;
  let latest: SpeedReading | null = null;
  let result: RunResult | null = null;
  const stop = new AbortController();
  const cancel = () => stop.abort('cancelled');
  signal.addEventListener('abort', cancel);
  const undoCounter = machine.speed.events.on('counter', (reading) => {
    latest = reading;
    start ??= reading; // the worker reports the counter as the command reaches the guest
    if (machine.status !== 'running') stop.abort('interrupted');
  });
  const sentAt = performance.now();
  try {
    const output = await runCommand(machine, drive, guestCommand(workload), {
      timeoutMs,
      signal: stop.signal,
      // Done when the shell is back at its prompt, ready for the next command.
      until: (text) => (result !== null || NOT_THERE.test(text)) && endsWithPrompt(text),
      onOutput: (text, at) => {
        const report = result ? null : parseGuestReport(text);
        if (!report) return;
        result = { ms: at - sentAt, sum: report.sum, guestMs: report.ns / 1e6 };
        const end = latest;
        // instructions per ms / 1000 = millions per second
        if (start && end && end.at > start.at) {
          result.mips = (end.total - start.total) / (end.at - start.at) / 1000;
        }
      },
    });
    if (!result) {
      const why = output.split('\n').find((line) => NOT_THERE.test(line));
      throw new BenchError('guestFailed', why?.trim() ?? '');
    }
    return result;
  } catch (error) {
    if (error instanceof CommandError) throw new BenchError(error.code, error.message);
    throw error;
  } finally {
    undoCounter();
    signal.removeEventListener('abort', cancel);
  }
}
