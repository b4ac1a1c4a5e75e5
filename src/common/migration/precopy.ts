// Pre-copy, both ends (Clark et al., NSDI 2005): the source sends rounds of pages while its
// guest runs, each acknowledged before the next (the guest runs meanwhile, and the target keeps
// up), then stops it and sends the last pages with the CPU and devices; the target writes each
// round, resumes with the final copy and says so; only then does the source let the machine go.
import type { FinalCopy, MigrationLink, MigrationMessage, PageBatch } from './protocol';
import {
  nextStep,
  PRECOPY_LIMITS,
  type PrecopyLimits,
  type Round,
  type StopReason,
} from './rounds';

/** The source emulator as pre-copy uses it (worker/emulator/migration.ts has the real one). */
export interface PageSource {
  readonly memoryBytes: number;
  /** Before the first round: what the target holds (its page hashes; null: all zero). */
  start(targetHashes: Uint8Array<ArrayBuffer> | null): void;
  round(): PageBatch;
  final(): Promise<FinalCopy>;
  /** The migration failed after the stop: the guest goes on at the source. */
  resume(): Promise<void>;
}

/** The target emulator as pre-copy uses it. */
export interface PageSink {
  /** The hashes of the pages it holds (null: its RAM is zeroed). */
  readonly hashes: Uint8Array<ArrayBuffer> | null;
  write(batch: PageBatch): void;
  /** The source stopped the guest: its final copy is on its way. */
  sourceStopped?(): void;
  /** Frames for the guest the source sent on after its final copy (until the guest runs). */
  framesArrived?(frames: Uint8Array<ArrayBuffer>[]): void;
  /** Resolves with when the guest ran again (epoch ms). */
  resume(final: FinalCopy): Promise<number>;
}

/** What a migration took, for the figures on screen and the benchmark. */
export interface MigrationReport {
  rounds: Round[];
  stopReason: StopReason;
  /** The stop-and-copy: the last pages and the state without memory. */
  final: { pages: number; bytes: number; stateBytes: number };
  /** The guest's last instruction on the source to its first on the target, ms. */
  downtimeMs: number;
  totalMs: number;
  /** Everything sent, and the guest's memory, bytes. */
  bytesSent: number;
  memoryBytes: number;
}

export class MigrationFailed extends Error {
  override name = 'MigrationFailed';
}

export interface PrecopyOptions {
  limits?: PrecopyLimits;
  /** How long to wait for the other end's next message, ms. */
  timeoutMs?: number;
  /** Epoch ms (injected for tests). */
  now?: () => number;
}

/** Waits for messages on a link, one kind at a time; an abort or silence fails the wait. */
class Inbox {
  #queue: MigrationMessage[] = [];
  #waiting: (() => void) | null = null;
  readonly #undo: () => void;

  constructor(link: MigrationLink) {
    this.#undo = link.listen((message) => {
      this.#queue.push(message);
      this.#waiting?.();
    });
  }

  async next<K extends MigrationMessage['kind']>(
    kind: K,
    timeoutMs: number,
  ): Promise<Extract<MigrationMessage, { kind: K }>> {
    for (;;) {
      const message = this.#queue.shift();
      if (message?.kind === 'abort') throw new MigrationFailed(message.reason);
      if (message?.kind === kind) return message as Extract<MigrationMessage, { kind: K }>;
      if (message?.kind === 'listening') continue; // said again until the first round came
      if (message) throw new MigrationFailed(`expected ${kind}, got ${message.kind}`);
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          this.#waiting = null;
          reject(new MigrationFailed(`no ${kind} within ${timeoutMs} ms`));
        }, timeoutMs);
        this.#waiting = () => {
          clearTimeout(timer);
          this.#waiting = null;
          resolve();
        };
      });
    }
  }

  dispose(): void {
    this.#undo();
  }
}

/** Sends the machine; resolves once it runs on the target, with the figures. */
export async function sendMachine(
  source: PageSource,
  link: MigrationLink,
  options: PrecopyOptions = {},
): Promise<MigrationReport> {
  const { limits = PRECOPY_LIMITS, timeoutMs = 10_000, now = () => Date.now() } = options;
  const inbox = new Inbox(link);
  const started = now();
  const rounds: Round[] = [];
  let stopped = false;
  try {
    const listening = await inbox.next('listening', timeoutMs);
    source.start(listening.hashes);
    for (let step = nextStep(rounds, limits); !step.stop; step = nextStep(rounds, limits)) {
      const at = now();
      const batch = source.round();
      const round = rounds.length;
      link.send({ kind: 'pages', round, ...batch });
      await inbox.next('received', timeoutMs);
      rounds.push({ pages: batch.pages.length, bytes: batch.data.byteLength, ms: now() - at });
    }
    const stopReason = (nextStep(rounds, limits) as { reason: StopReason }).reason;
    const copy = await source.final();
    stopped = true;
    const final = {
      pages: copy.pages.length,
      bytes: copy.data.byteLength,
      stateBytes: copy.state.data.byteLength,
    };
    link.send({ kind: 'final', copy });
    const resumed = await inbox.next('resumed', timeoutMs);
    const bytesSent = rounds.reduce((sum, r) => sum + r.bytes, 0) + final.bytes + final.stateBytes;
    return {
      rounds,
      stopReason,
      final,
      downtimeMs: resumed.at - copy.stoppedAt,
      totalMs: now() - started,
      bytesSent,
      memoryBytes: source.memoryBytes,
    };
  } catch (error) {
    link.send({ kind: 'abort', reason: error instanceof Error ? error.message : String(error) });
    if (stopped) await source.resume();
    throw error instanceof MigrationFailed ? error : new MigrationFailed(String(error));
  } finally {
    inbox.dispose();
  }
}

/** Receives the machine into `target`; resolves once it runs here (epoch ms). */
export async function receiveMachine(
  target: PageSink,
  link: MigrationLink,
  options: Pick<PrecopyOptions, 'timeoutMs'> = {},
): Promise<number> {
  const { timeoutMs = 10_000 } = options;
  return new Promise<number>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fail = (reason: string, tell: boolean) => {
      undo();
      clearInterval(listening);
      clearTimeout(timer);
      if (tell) link.send({ kind: 'abort', reason });
      reject(new MigrationFailed(reason));
    };
    // Said until the first round comes: the source may subscribe after this end's first word.
    const say = () => link.send({ kind: 'listening', hashes: target.hashes });
    say();
    const listening = setInterval(say, 100);
    // The source went silent (its tab closed mid-way): the partial machine is dropped.
    const watch = () => {
      clearTimeout(timer);
      timer = setTimeout(
        () => fail(`the source said nothing for ${timeoutMs} ms`, true),
        timeoutMs,
      );
    };
    /** The final copy came: the guest is being resumed, and only frames are listened to. */
    let resuming = false;
    const undo = link.listen((message) => {
      if (resuming && message.kind !== 'frames') return;
      if (!resuming) watch();
      try {
        if (message.kind === 'pages') {
          clearInterval(listening);
          target.write(message);
          link.send({ kind: 'received', round: message.round });
        } else if (message.kind === 'final') {
          clearInterval(listening);
          clearTimeout(timer);
          resuming = true;
          target.sourceStopped?.();
          target.resume(message.copy).then(
            (at) => {
              undo();
              link.send({ kind: 'resumed', at });
              resolve(at);
            },
            (error: unknown) => fail(error instanceof Error ? error.message : String(error), true),
          );
        } else if (message.kind === 'frames') {
          if (resuming) target.framesArrived?.(message.frames);
        } else if (message.kind === 'abort') fail(message.reason, false);
      } catch (error) {
        fail(error instanceof Error ? error.message : String(error), true);
      }
    });
    watch();
  });
}
