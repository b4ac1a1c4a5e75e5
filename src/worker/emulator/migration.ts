// The emulator's side of a live migration: guest RAM read and written in place, a state without
// its memory (the pages travel by themselves), and the target's resume. v86 keeps no dirty log,
// so the source finds changed pages by their content (common/migration/pages.ts).
import type { V86 } from 'v86';
import { copyPages, PAGE_SIZE, writePages } from '../../common/migration/pages';
import { hashesOf, pageScan, wasmScan, type PageScan } from './pageScan/pageScan';
import { cpuOf, guestRam, statesOf, type V86Cpu } from './v86Internals';

import type { FinalCopy, PageBatch } from '../../common/migration/protocol';
import {
  receiveMachine,
  sendMachine,
  type MigrationReport,
  type PageSink,
  type PageSource,
} from '../../common/migration/precopy';
import { channelLink, MAX_FORWARDED } from '../../common/migration/channelLink';
import { elideZeroChunks, restoreZeroChunks } from '../../common/migration/sparse';
import { PRECOPY_LIMITS, STOP_AND_COPY } from '../../common/migration/rounds';

/**
 * Sends this emulator's running guest to the target listening on `channel` (pre-copy). Once its
 * final copy is taken, `forwarding` is given the way to send frames for the guest on to the
 * target (frames that reach this emulator then would be lost here); null when it ends.
 */
export async function migrateOut(
  e: V86,
  channel: string,
  live: boolean,
  forwarding: (send: ((frames: Uint8Array<ArrayBuffer>[]) => void) | null) => void = () =>
    undefined,
): Promise<MigrationReport> {
  const link = channelLink(channel);
  try {
    const limits = live ? PRECOPY_LIMITS : STOP_AND_COPY;
    const source = new MigrationSource(e, () =>
      forwarding((frames) => link.send({ kind: 'frames', frames: frames.slice(0, MAX_FORWARDED) })),
    );
    try {
      return await sendMachine(source, link, { limits });
    } finally {
      forwarding(null);
      source.dispose();
    }
  } finally {
    link.close();
  }
}

/**
 * Receives the guest arriving on `channel` into this emulator: the machine is stopped and the
 * pages it holds are hashed (`prepared` runs then: what the old guest left pending is dropped),
 * then it listens; `arrival` is told when the source stopped the guest for its final copy, and
 * given the frames the source sends on after it.
 * Resolves when the guest runs here (epoch ms).
 */
export async function migrateIn(
  e: V86,
  channel: string,
  prepared: () => void,
  arrival: Pick<PageSink, 'sourceStopped' | 'framesArrived'> = {},
): Promise<number> {
  const target = new MigrationTarget(
    e,
    () => arrival.sourceStopped?.(),
    (frames) => arrival.framesArrived?.(frames),
  );
  await target.prepare();
  prepared();
  // Listening (and saying what it holds) once prepared: the source sends nothing before.
  const link = channelLink(channel);
  try {
    return await receiveMachine(target, link);
  } finally {
    link.close();
  }
}

/**
 * The CPU and every device, without the guest's RAM: a few hundred KB (the 9p filesystem and
 * the VGA memory are most of it) saved in milliseconds.
 */
export function saveWithoutMemory(e: V86): ArrayBuffer {
  const cpu = cpuOf(e);
  const pages = cpu.memory_size[0]! / PAGE_SIZE;
  const nothing = () => ({
    bitmap: { get_buffer: () => new ArrayBuffer(Math.ceil(pages / 8)) },
    packed_memory: new Uint8Array(0),
  });
  return withStandIn(cpu, 'pack_memory', nothing, () => statesOf(e).save_state());
}

/** Runs `work` with one of the CPU's methods replaced; v86's own is back afterwards. */
function withStandIn<K extends 'pack_memory' | 'unpack_memory', T>(
  cpu: V86Cpu,
  name: K,
  standIn: V86Cpu[K],
  work: () => T,
): T {
  const own = Object.getOwnPropertyDescriptor(cpu, name);
  Object.defineProperty(cpu, name, { value: standIn, configurable: true, writable: true });
  try {
    return work();
  } finally {
    if (own) Object.defineProperty(cpu, name, own);
    else Reflect.deleteProperty(cpu, name); // v86's method, on its prototype, shows again
  }
}

/** The source's side: each round the pages changed since the last, then the final copy. */
export class MigrationSource implements PageSource {
  #pages: PageScan | null = null;

  constructor(
    private readonly e: V86,
    /** The final copy is taken (what reaches the guest from now on is not in it). */
    private readonly copied: () => void = () => undefined,
  ) {}

  get memoryBytes(): number {
    return cpuOf(this.e).memory_size[0]!;
  }

  /** What the target holds: its page hashes (the same WebAssembly scan's), or all zero. */
  start(targetHashes: Uint8Array<ArrayBuffer> | null): void {
    const pages = targetHashes ? wasmScan(this.e, targetHashes) : pageScan(this.e);
    if (!pages) throw new Error('the target sent page hashes this source cannot read');
    this.#pages = pages;
  }

  get pages(): PageScan {
    if (!this.#pages) throw new Error('the migration has not started');
    return this.#pages;
  }

  /** The pages changed since the last round (the first: every page that is not zero). Scanned
   * and copied in one task, so no write of the guest's falls between. */
  round(): PageBatch {
    const pages = this.pages.scan();
    return { pages, data: copyPages(guestRam(this.e), pages) };
  }

  /** Gives back the scan's room in v86's memory (the guest may go on running here). */
  dispose(): void {
    this.#pages?.dispose();
  }

  /** Stops the guest, then, in one task: its last changed pages and its state. */
  async final(): Promise<FinalCopy> {
    await this.e.stop();
    const stoppedAt = performance.timeOrigin + performance.now();
    const { pages, data } = this.round();
    const state = elideZeroChunks(new Uint8Array(saveWithoutMemory(this.e)));
    // Sent before any later task runs: frames sent on from now on follow the final copy.
    this.copied();
    return { pages, data, state, timeOrigin: performance.timeOrigin, stoppedAt };
  }

  /** The target failed: the guest goes on here, as if nothing happened. */
  async resume(): Promise<void> {
    await this.e.run();
  }
}

/**
 * The target's side: an emulator with the source's devices and memory size (a machine of the
 * same guest profile), stopped and its RAM zeroed, then filled round by round. Whatever it ran
 * before is overwritten: if the migration fails, the machine is dropped.
 */
export class MigrationTarget implements PageSink {
  hashes: Uint8Array<ArrayBuffer> | null = null;

  constructor(
    private readonly e: V86,
    readonly sourceStopped: () => void = () => undefined,
    readonly framesArrived: (frames: Uint8Array<ArrayBuffer>[]) => void = () => undefined,
  ) {}

  /**
   * Stops the machine, then: the hashes of the pages it holds (a machine of the same guest,
   * resumed from the same pre-booted state, holds much of the source's RAM already: those pages
   * are not sent); or, without WebAssembly SIMD, its RAM zeroed (only pages that hold something
   * are sent).
   */
  async prepare(): Promise<void> {
    await this.e.stop();
    this.hashes = hashesOf(this.e);
    if (this.hashes) return;
    const cpu = cpuOf(this.e);
    cpu.zero_memory(0, cpu.memory_size[0]!);
  }

  write({ pages, data }: PageBatch): void {
    writePages(guestRam(this.e), pages, data);
  }

  /** Restores the CPU and devices over the RAM received and writes the last pages: the
   * machine is then the source's as it stopped, ready to run. */
  apply(final: FinalCopy): void {
    // The RAM is here already: restoring must not zero it.
    withStandIn(
      cpuOf(this.e),
      'unpack_memory',
      () => undefined,
      () => statesOf(this.e).restore_state(restoreZeroChunks(final.state)),
    );
    this.write(final);
    rebaseTimers(this.e, final.timeOrigin);
  }

  /** Applies the final copy and runs: resolves with when the guest ran again (epoch ms). */
  async resume(final: FinalCopy): Promise<number> {
    this.apply(final);
    await this.e.run();
    return performance.timeOrigin + performance.now();
  }
}

/**
 * The PIT's counters started at performance.now() times of the source's thread; each thread has
 * its own time origin, so they are moved to this one's (else the guest sees a jump of its timer).
 */
function rebaseTimers(e: V86, sourceTimeOrigin: number): void {
  const started = cpuOf(e).devices.pit?.counter_start_time;
  if (!started) return;
  const shift = sourceTimeOrigin - performance.timeOrigin;
  for (let i = 0; i < started.length; i++) started[i] = started[i]! + shift;
}
