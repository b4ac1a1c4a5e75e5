// The benchmark's workloads (images/bench/aula-bench.c), where each runs, and the pure maths
// of a result table: parsing the guest's report line, medians, slowdowns, checksum agreement.
import { median } from '../metrics/stats.mjs';

/** In the order of the C program's workload ids. */
export const WORKLOADS = ['int', 'mem', 'float', 'sys'] as const;
export type Workload = (typeof WORKLOADS)[number];

/** Where a workload runs: WebAssembly on the host, or the i386 binary in the guest, JIT on or off. */
export const PLACES = ['host', 'jit', 'interp'] as const;
export type Place = (typeof PLACES)[number];

export interface RunResult {
  /** Wall time measured by the page (host: around the call; guest: command sent → result line). */
  ms: number;
  /** The program's checksum of its work, 8 hex digits. */
  sum: string;
  /** Guest runs: the time the guest measured itself (its monotonic clock), ms. */
  guestMs?: number;
  /** Guest runs: emulated instructions per second over the run, millions. */
  mips?: number;
}

export interface GuestReport {
  workload: Workload;
  sum: string;
  ns: number;
}

const REPORT = /aula-bench: (int|mem|float|sys) sum=([0-9a-f]{8}) ns=(\d+)/;

/** Finds the program's report line ("aula-bench: <name> sum=<hex> ns=<n>") in console text. */
export function parseGuestReport(text: string): GuestReport | null {
  const m = REPORT.exec(text);
  if (!m) return null;
  return { workload: m[1] as Workload, sum: m[2]!, ns: Number(m[3]) };
}

/** The shell line that runs one workload in the guest. */
export function guestCommand(workload: Workload): string {
  return `aula-bench ${workload}`;
}

export type Row = Record<Place, RunResult[]>;

export function emptyRow(): Row {
  return { host: [], jit: [], interp: [] };
}

export interface RowSummary {
  /** Median page-measured ms per place (NaN where nothing ran). */
  ms: Record<Place, number>;
  /** Median guest-measured ms (guest places only). */
  guestMs: Record<Place, number>;
  /** Median MIPS of the guest runs. */
  mips: Record<Place, number>;
  /** How many times slower than the host, per guest place. */
  slowdown: Record<Place, number>;
  /** Every checksum that was reported, per place (one each when all runs agree). */
  sums: Record<Place, string[]>;
  /** All runs, everywhere, reported the same checksum. */
  sumsAgree: boolean;
}

const each = <T>(f: (p: Place) => T) =>
  Object.fromEntries(PLACES.map((p) => [p, f(p)])) as Record<Place, T>;

export function summarize(row: Row): RowSummary {
  const ms = each((p) => median(row[p].map((r) => r.ms)));
  const all = PLACES.flatMap((p) => row[p].map((r) => r.sum));
  return {
    ms,
    guestMs: each((p) => median(row[p].map((r) => r.guestMs ?? NaN))),
    mips: each((p) => median(row[p].map((r) => r.mips ?? NaN))),
    slowdown: each((p) => (ms.host > 0 ? ms[p] / ms.host : NaN)),
    sums: each((p) => [...new Set(row[p].map((r) => r.sum))]),
    sumsAgree: all.length > 0 && new Set(all).size === 1,
  };
}
