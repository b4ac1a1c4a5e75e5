// A machine's speed gauge: its instruction counter readings turned into the figures the speed
// panel shows (instructions, MIPS now and over the last minute, uptime), updated once a second.
import { DisposableStore, Emitter } from '../../common/events/emitter';
import type { Emulator } from '../vm/EmulatorClient';
import { InstructionTotal } from './instructionCounter';
import { SpeedMeter, type SpeedReading } from './speed';
import type { CounterReading } from '../../common/protocol/emulator';

/** Something to mark on the speed chart, at a counter reading's time (the worker's clock). */
export interface SpeedMark {
  at: number;
  kind: 'jitOff' | 'jitOn' | 'benchmark';
}

/** Marks older than the chart's minute are let go. */
const MARKS_KEPT_MS = 60_000;

/** How often the live figures change on screen while the guest runs (timer jitter allowed). */
const SHOW_EVERY_MS = 950;

export class SpeedGauge {
  /** Guest instructions executed since power-on (wrap-safe). */
  instructions = $state.raw(0);
  /** How many times the figures above have been updated: lets a reader see that time has passed. */
  samples = $state.raw(0);
  /** Emulated millions of instructions per second over the last second (null: not known yet). */
  mips = $state.raw<number | null>(null);
  /** MIPS in each of the last 60 seconds, oldest first (null: no data for that second). */
  mipsHistory = $state.raw<(number | null)[]>([]);
  /** Time the guest has been running since power-on (pauses excluded), ms. */
  uptimeMs = $state.raw(0);
  /**
   * When the counter reading behind the figures above was taken (epoch ms, the worker's clock):
   * null before the first.
   */
  shownAt = $state.raw<number | null>(null);
  /** Whether v86 translates guest code to WebAssembly (its JIT) or interprets every instruction. */
  get jit(): boolean {
    return this.#jit;
  }
  set jit(on: boolean) {
    if (on !== this.#jit) this.mark(on ? 'jitOn' : 'jitOff');
    this.#jit = on;
  }
  /** What happened over the last minute, for the chart: the JIT switched, a benchmark started. */
  marks = $state.raw<SpeedMark[]>([]);

  /** Instructions since power-on at the latest reading (the figure on screen lags up to 1 s). */
  get latestTotal(): number {
    return this.#latestTotal;
  }

  /** Every reading, as it comes (a benchmark times a command with them). */
  readonly events = new Emitter<{ counter: SpeedReading }>();

  #jit = $state.raw(true);
  #counter = new InstructionTotal();
  #latestTotal = 0;
  #speed = new SpeedMeter();
  #lastReadingAt: number | null = null;
  #uptimeMs = 0;
  #subscriptions = new DisposableStore();

  /**
   * The emulator now running the guest (null: none): its counter readings, and those that come
   * with its output, make the figures. `counting`: whether the guest runs (its uptime grows).
   */
  connect(emulator: Pick<Emulator, 'on'> | null, counting: () => boolean): void {
    this.#subscriptions.dispose();
    if (!emulator) return;
    this.#subscriptions.add(emulator.on('counter', (reading) => this.count(reading, counting())));
    this.#subscriptions.add(
      emulator.on('output', ({ reading }) => this.count(reading, counting())),
    );
  }

  /**
   * A counter reading from the emulator (four a second, and more with output). The figures on
   * screen change once a second while the guest runs: each change is a repaint, and on a
   * two-core machine the browser's painting shares the cores with v86's JIT compiles.
   */
  count(raw: CounterReading, running: boolean): void {
    const reading = { at: raw.at, total: this.#counter.update(raw.value) };
    this.#latestTotal = reading.total;
    if (this.#lastReadingAt !== null && running) {
      this.#uptimeMs += Math.max(0, raw.at - this.#lastReadingAt);
    }
    this.#lastReadingAt = raw.at;
    this.#speed.add(reading);
    this.events.emit('counter', reading);
    if (running && this.shownAt !== null && raw.at - this.shownAt < SHOW_EVERY_MS) return;
    this.shownAt = raw.at;
    this.instructions = reading.total;
    this.uptimeMs = this.#uptimeMs;
    this.samples++;
    const rate = this.#speed.rate(1000);
    this.mips = rate === null ? null : rate / 1e6;
    this.mipsHistory = this.#speed.series(60, 1000).map((r) => (r === null ? null : r / 1e6));
  }

  /** Marks the present moment on the chart (at the latest counter reading's time). */
  mark(kind: SpeedMark['kind']): void {
    const at = this.#lastReadingAt;
    if (at === null) return;
    this.marks = [...this.marks.filter((m) => at - m.at < MARKS_KEPT_MS), { at, kind }];
  }

  /** A new count starts (a power-on or a restore); `uptime` too on a power-on. */
  reset(uptime: boolean): void {
    this.#counter.reset();
    this.#latestTotal = 0;
    this.#lastReadingAt = null;
    this.shownAt = null;
    this.#speed.reset();
    this.instructions = 0;
    this.mips = null;
    this.mipsHistory = [];
    this.marks = [];
    if (uptime) this.#uptimeMs = this.uptimeMs = 0;
  }

  dispose(): void {
    this.#subscriptions.dispose();
    this.events.clear();
  }
}
