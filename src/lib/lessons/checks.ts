// Whether a step's checks pass, against the real lab: a command the guest agent runs in a
// machine (its exit status, and its output against a pattern), or a condition on the lab since
// the step began. The lab is seen through a small port, so this is tested with fakes.
import type { AgentResult } from '../agent/GuestAgent';
import type { Unsubscribe } from '../../common/events/emitter';
import type { Check, ExecCheck, LabCheck, StartMachine } from './format';

/** How long a check's command may run in the guest. */
export const CHECK_TIMEOUT_MS = 5000;

/** A machine of the lab, as a lesson sees it. */
export interface LessonMachine {
  exec(command: string, options: { timeoutMs: number; signal?: AbortSignal }): Promise<AgentResult>;
  /** True when the guest runs and its shell is at a prompt. */
  idle(): boolean;
  /** The guest printed something (the student's command ran, or ended). */
  onOutput(listener: () => void): Unsubscribe;
  /** A snapshot was restored into the machine. */
  onRestored(listener: () => void): Unsubscribe;
  /** Types text into the student's shell, as if the student had (their click asked for it). */
  type(text: string): void;
  /** Back to a fresh start: the guest's pre-booted state (a lesson's Start over). */
  reset(): Promise<void>;
}

/** A run of one of the lab's tools, to its end. */
export interface ToolRun {
  /** When it ended, ms since the epoch. */
  at: number;
  /** What it covered: the benchmark's places (host, jit, interp), the cards measured. */
  covered: readonly string[];
}

/** A migration this host took part in, as the lab's history keeps it. */
export interface HostMigration {
  /** When it ended, ms since the epoch. */
  at: number;
  /** The machine's name on the host it left. */
  machine: string;
  /** It left this host (true) or came to it (false). */
  away: boolean;
  live: boolean;
}

/** The lab, as a lesson sees it. */
export interface LessonLab {
  machine(name: string): LessonMachine | null;
  /** When each snapshot saved from the machine `name` was made, ms since the epoch. */
  snapshotTimes(name: string): number[];
  /** The last complete run of the cost-of-emulation benchmark. */
  benchmarkRun(): ToolRun | null;
  /** The last complete network measurement. */
  nicsMeasured(): ToolRun | null;
  /** When `to` answered a ping from `from`, as a switch saw it, ms since the epoch. */
  pingAnswers(from: string, to: string): number[];
  /** How many other hosts (tabs of the lab) this one sees now. */
  otherHosts(): number;
  /** The migrations this host took part in. */
  migrations(): HostMigration[];
  /** Makes the lab these machines of the guest `profile`, cabled so (machines it has of those
   * names keep their card's address; others go); the new ones start. Refused with a UserError. */
  arrange(machines: readonly StartMachine[], profile: string): Promise<void>;
  /** What a lab condition reads changed: snapshots, a tool's run, traffic, the machines. */
  onChange(listener: () => void): Unsubscribe;
}

export type CheckOutcome =
  | { pass: true }
  | { pass: false; reason: 'failed' | 'noMachine' | 'timeout' | 'error'; detail?: string };

/** Does the agent's answer to an exec check pass it? (status 0, and the pattern if any) */
export function execPasses(check: ExecCheck, result: AgentResult): boolean {
  if (result.status !== 0) return false;
  return check.expect === undefined || new RegExp(check.expect, 'm').test(result.output);
}

/** What the lab did since a step began, for its lab checks. */
export interface LabEvents {
  /** The step became current, ms since the epoch. */
  since: number;
  /** Machines a snapshot was restored into since then. */
  restored: ReadonlySet<string>;
}

/** Whether a lab condition held since the step began. */
export function labConditionHolds(check: LabCheck, lab: LessonLab, events: LabEvents): boolean {
  const since = (t: number) => t >= events.since;
  const covers = (run: ToolRun | null, ...what: string[]) =>
    run !== null && since(run.at) && what.every((w) => run.covered.includes(w));
  switch (check.lab) {
    case 'restored':
      return events.restored.has(check.machine);
    case 'snapshotSaved':
      return lab.snapshotTimes(check.machine).some(since);
    case 'benchmarkJitOnOff':
      return covers(lab.benchmarkRun(), 'jit', 'interp');
    case 'nicsMeasured':
      return covers(lab.nicsMeasured(), 'ne2k', 'virtio');
    case 'ping':
      return lab.pingAnswers(check.machine, check.to ?? '').some(since);
    case 'hostSeen':
      return lab.otherHosts() > 0;
    case 'migratedAway':
    case 'migratedHere': {
      const away = check.lab === 'migratedAway';
      return lab
        .migrations()
        .some(
          (m) =>
            since(m.at) &&
            m.away === away &&
            (!away || m.machine === check.machine) &&
            (check.live === undefined || m.live === check.live),
        );
    }
  }
}

/** Runs one check against the lab. */
export async function runCheck(
  check: Check,
  lab: LessonLab,
  events: LabEvents,
  signal?: AbortSignal,
): Promise<CheckOutcome> {
  if ('lab' in check) {
    return labConditionHolds(check, lab, events)
      ? { pass: true }
      : { pass: false, reason: 'failed' };
  }
  const machine = lab.machine(check.machine);
  if (!machine) return { pass: false, reason: 'noMachine', detail: check.machine };
  try {
    const result = await machine.exec(check.run, { timeoutMs: CHECK_TIMEOUT_MS, signal });
    return execPasses(check, result) ? { pass: true } : { pass: false, reason: 'failed' };
  } catch (error) {
    const code = (error as { code?: string }).code;
    return { pass: false, reason: code === 'timeout' ? 'timeout' : 'error', detail: String(error) };
  }
}

/** Runs a step's checks in order; the first that does not pass is the outcome. */
export async function runChecks(
  checks: readonly Check[],
  lab: LessonLab,
  events: LabEvents,
  signal?: AbortSignal,
): Promise<CheckOutcome> {
  for (const check of checks) {
    const outcome = await runCheck(check, lab, events, signal);
    if (!outcome.pass) return outcome;
  }
  return { pass: true };
}
