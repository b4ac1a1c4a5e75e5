// "Run benchmark": each workload on the host (WebAssembly in a Worker) and in the guest with
// v86's JIT on and off, repeated, with the results kept for the table. One run at a time; the
// benchmark drives the machine's console while it types into the guest.
import { messageOf } from '../../common/errors';
import { info, problem, UserError, type Notice } from '../notices/notice';
import type { Machine } from '../vm/Machine.svelte';
import { DriveRefused, type Drive } from '../vm/DriverSeat.svelte';
import type { ManifestFile } from '../guest/manifest';
import { BenchError, runInGuest } from './guestRun';
import { HostBench } from './HostBench';
import { emptyRow, PLACES, WORKLOADS, type Place, type Row, type Workload } from './workloads';

export interface BenchOptions {
  workloads: Workload[];
  places: Place[];
  repeats: number;
}

export interface BenchStep {
  workload: Workload;
  place: Place;
  done: number;
  total: number;
}

/** A guest run slower than this is reported as stuck (the interpreter takes a few seconds). */
const GUEST_TIMEOUT_MS = 90_000;

export class Benchmark {
  rows = $state.raw<Partial<Record<Workload, Row>>>({});
  running = $state.raw(false);
  step = $state.raw<BenchStep | null>(null);
  notice = $state.raw<Notice | null>(null);
  /** Wall time of the last complete run, ms. */
  totalMs = $state.raw<number | null>(null);
  /** The last run that reached its end: when (ms since the epoch) and where it ran. */
  lastRun = $state.raw<{ at: number; places: Place[] } | null>(null);
  options = $state<BenchOptions>({ workloads: [...WORKLOADS], places: [...PLACES], repeats: 3 });

  #abort: AbortController | null = null;
  #machine: Machine | null = null;

  /** `target`: the machine it runs on (the lab's selected one, when the run starts). */
  constructor(
    private readonly target: () => Machine | null,
    private readonly imagesBase: URL,
  ) {}

  async run(): Promise<void> {
    if (this.running) return;
    const options = $state.snapshot(this.options);
    const workloads = WORKLOADS.filter((w) => options.workloads.includes(w));
    const places = PLACES.filter((p) => options.places.includes(p));
    const abort = (this.#abort = new AbortController());
    this.running = true;
    this.notice = null;
    this.totalMs = null;
    this.rows = {};
    const started = performance.now();
    try {
      const checked = this.#check(this.target(), workloads, places);
      this.#machine = checked.machine;
      checked.machine.speed.mark('benchmark');
      await checked.machine.drive('benchmark', (drive) =>
        this.#runAll(checked, drive, { ...options, workloads, places }, abort.signal),
      );
      this.totalMs = performance.now() - started;
      this.lastRun = { at: Date.now(), places };
      this.notice = info('bench.done', { seconds: seconds(this.totalMs) });
    } catch (error) {
      this.notice = describe(error);
    } finally {
      this.step = null;
      this.running = false;
      this.#abort = null;
      this.#machine = null;
    }
  }

  /** Every run asked for, on the host and in the guest, while the benchmark drives the console. */
  async #runAll(
    { machine, file }: { machine: Machine; file: ManifestFile },
    drive: Drive,
    options: BenchOptions,
    signal: AbortSignal,
  ): Promise<void> {
    const { workloads, places, repeats } = options;
    const host = places.includes('host') ? new HostBench(this.imagesBase, file) : null;
    let jitTurnedOff = false;
    try {
      const total = workloads.length * places.length * repeats;
      let done = 0;
      const record = async (workload: Workload, place: Place) => {
        this.step = { workload, place, done, total };
        const result =
          place === 'host'
            ? await host!.run(workload).catch((error: unknown) => {
                throw new UserError('bench.error.host', { detail: messageOf(error) });
              })
            : await runInGuest(machine, drive, workload, GUEST_TIMEOUT_MS, signal);
        const row = this.rows[workload] ?? emptyRow();
        this.rows = { ...this.rows, [workload]: { ...row, [place]: [...row[place], result] } };
        done++;
      };
      // With the JIT first (host beside it), then everything again with the JIT off.
      for (let r = 0; r < repeats; r++) {
        for (const w of workloads) {
          if (places.includes('host')) await record(w, 'host');
          if (places.includes('jit')) await record(w, 'jit');
        }
      }
      if (places.includes('interp')) {
        jitTurnedOff = true;
        await machine.setJit(false);
        for (let r = 0; r < repeats; r++) {
          for (const w of workloads) await record(w, 'interp');
        }
      }
    } finally {
      host?.dispose();
      if (jitTurnedOff && machine.status !== 'error') {
        await machine.setJit(true).catch(() => undefined);
      }
    }
  }

  cancel(): void {
    this.#abort?.abort();
  }

  /** Stops the run if it is on `machine` (which is going away). */
  cancelOn(machine: Machine): void {
    if (this.#machine === machine) this.cancel();
  }

  /** Refuses to start when the guest cannot take a command now; returns the host program file. */
  #check(
    machine: Machine | null,
    workloads: Workload[],
    places: Place[],
  ): { machine: Machine; file: ManifestFile } {
    if (workloads.length === 0 || places.length === 0) throw new UserError('bench.error.nothing');
    if (!machine) throw new UserError('bench.error.notRunning');
    if (machine.status === 'paused') throw new UserError('bench.error.paused');
    if (machine.status !== 'running') throw new UserError('bench.error.notRunning');
    if (machine.seat.driver) throw new DriveRefused(machine.name, machine.seat.driver);
    if (!machine.shellIdle()) throw new UserError('bench.error.busy');
    const file = machine.profile?.bench;
    if (!file) throw new UserError('bench.error.noProgram');
    return { machine, file };
  }
}

/** Seconds to one decimal, as a number: the message writes it in the reader's language. */
function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}

function describe(error: unknown): Notice {
  if (error instanceof UserError) return error.notice;
  if (error instanceof BenchError) {
    const keys = {
      guestFailed: 'bench.error.guestFailed',
      timeout: 'bench.error.timeout',
      interrupted: 'bench.error.interrupted',
      cancelled: 'bench.cancelled',
    } as const;
    return problem(keys[error.code], { detail: error.detail });
  }
  return problem('bench.error.other', { detail: messageOf(error) });
}
