import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyPages, PAGE_SIZE, PageHashes, writePages } from './pages';
import {
  MigrationFailed,
  receiveMachine,
  sendMachine,
  type PageSink,
  type PageSource,
} from './precopy';
import type { FinalCopy, MigrationLink, MigrationMessage } from './protocol';
import { elideZeroChunks } from './sparse';

/** Two ends of an in-memory link, delivering asynchronously as a channel does. */
function linkPair(): [MigrationLink, MigrationLink, MigrationMessage[]] {
  const listeners: [Set<(m: MigrationMessage) => void>, Set<(m: MigrationMessage) => void>] = [
    new Set(),
    new Set(),
  ];
  const log: MigrationMessage[] = [];
  const end = (mine: 0 | 1): MigrationLink => ({
    send: (message) => {
      log.push(message);
      queueMicrotask(() => listeners[1 - mine]!.forEach((l) => l(message)));
    },
    listen: (listener) => {
      listeners[mine].add(listener);
      return () => listeners[mine].delete(listener);
    },
    close: () => listeners[mine].clear(),
  });
  return [end(0), end(1), log];
}

/** A guest of `pages` pages whose `dirty` callback writes some between rounds. */
class FakeGuest implements PageSource {
  readonly ram: Uint8Array;
  readonly hashes: PageHashes;
  running = true;
  resumed = 0;
  constructor(
    pages: number,
    private readonly dirty: (ram: Uint8Array, round: number) => void = () => undefined,
  ) {
    this.ram = new Uint8Array(pages * PAGE_SIZE);
    for (let p = 0; p < pages; p += 3) this.ram[p * PAGE_SIZE] = p & 0xff || 1;
    this.hashes = new PageHashes(this.ram.byteLength);
  }
  #round = 0;
  /** What the target said it holds (the fake targets here hold zeroed RAM: null). */
  targetHashes: Uint8Array | null | undefined;
  get memoryBytes() {
    return this.ram.byteLength;
  }
  start(hashes: Uint8Array | null) {
    this.targetHashes = hashes;
  }
  round() {
    const pages = this.hashes.scan(this.ram);
    const batch = { pages, data: copyPages(this.ram, pages) };
    if (this.running) this.dirty(this.ram, this.#round++); // it runs on while the round travels
    return batch;
  }
  final(): Promise<FinalCopy> {
    this.running = false;
    const { pages, data } = this.round();
    return Promise.resolve({
      pages,
      data,
      state: elideZeroChunks(new Uint8Array(1000).fill(1)),
      timeOrigin: 0,
      stoppedAt: 1000,
    });
  }
  resume() {
    this.running = true;
    this.resumed++;
    return Promise.resolve();
  }
}

class FakeTarget implements PageSink {
  readonly hashes = null;
  ram: Uint8Array;
  constructor(bytes: number) {
    this.ram = new Uint8Array(bytes);
  }
  write({ pages, data }: { pages: Uint32Array; data: Uint8Array }) {
    writePages(this.ram, pages, data);
  }
  resume(final: FinalCopy) {
    this.write(final);
    return Promise.resolve(1012);
  }
}

/** Byte equality (expect's deep equality walks a megabyte element by element, slowly). */
const sameBytes = (a: Uint8Array, b: Uint8Array) =>
  a.length === b.length && a.every((byte, i) => byte === b[i]);

afterEach(() => {
  vi.useRealTimers();
});

describe('pre-copy between a source and a target', () => {
  it('an idle guest: one full round, a small final copy, memory equal, the downtime reported', async () => {
    const [a, b] = linkPair();
    const guest = new FakeGuest(256);
    const target = new FakeTarget(guest.memoryBytes);
    const [report, resumedAt] = await Promise.all([
      sendMachine(guest, a),
      receiveMachine(target, b),
    ]);
    expect(resumedAt).toBe(1012);
    expect(sameBytes(target.ram, guest.ram)).toBe(true);
    expect(report.rounds.map((r) => r.pages)).toEqual([86, 0]);
    expect(report.stopReason).toBe('small-enough');
    expect(report.final).toEqual({ pages: 0, bytes: 0, stateBytes: 4096 });
    expect(report.downtimeMs).toBe(12);
    expect(report.bytesSent).toBe(86 * PAGE_SIZE + 4096);
    expect(guest.running).toBe(false); // the source let it go
  });

  it('frames the source sends on after its final copy reach the target before its guest runs', async () => {
    const [a, b] = linkPair();
    const guest = new FakeGuest(64);
    const got: number[] = [];
    const events: string[] = [];
    let release = () => undefined as void;
    class Target extends FakeTarget {
      sourceStopped() {
        events.push('stopped');
      }
      framesArrived(frames: Uint8Array<ArrayBuffer>[]) {
        got.push(...frames.map((f) => f[0]!));
      }
      override resume(final: FinalCopy) {
        this.write(final);
        events.push('resuming');
        return new Promise<number>((resolve) => (release = () => resolve(1012)));
      }
    }
    const received = receiveMachine(new Target(guest.memoryBytes), b);
    a.send({ kind: 'frames', frames: [Uint8Array.of(1)] }); // before the final copy: not taken
    const sent = sendMachine(guest, a);
    await vi.waitFor(() => expect(events).toEqual(['stopped', 'resuming']));
    a.send({ kind: 'frames', frames: [Uint8Array.of(2), Uint8Array.of(3)] });
    await vi.waitFor(() => expect(got).toEqual([2, 3]));
    release();
    await Promise.all([sent, received]);
    a.send({ kind: 'frames', frames: [Uint8Array.of(4)] }); // it runs: no longer listened to
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(got).toEqual([2, 3]);
  });

  it('a guest that keeps writing: rounds shrink to the final copy, and memory is equal', async () => {
    const [a, b] = linkPair();
    const guest = new FakeGuest(512, (ram, round) => {
      const count = Math.max(0, 200 - round * 60);
      for (let i = 0; i < count; i++) ram[i * PAGE_SIZE + 7] = (round + 1) & 0xff;
    });
    const target = new FakeTarget(guest.memoryBytes);
    const [report] = await Promise.all([sendMachine(guest, a), receiveMachine(target, b)]);
    expect(report.rounds.length).toBeGreaterThan(2);
    expect(sameBytes(target.ram, guest.ram)).toBe(true);
  });

  it('a guest dirtying faster than the rounds send is stopped at the round limit, not starved', async () => {
    const [a, b] = linkPair();
    let n = 0;
    const guest = new FakeGuest(512, (ram) => {
      n++;
      for (let i = 0; i < 300; i++) ram[i * PAGE_SIZE + 9] = n & 0xff || 1;
    });
    const target = new FakeTarget(guest.memoryBytes);
    const [report] = await Promise.all([
      sendMachine(guest, a, { limits: { maxRounds: 4, smallEnough: 64, notShrinking: 2 } }),
      receiveMachine(target, b),
    ]);
    expect(report.rounds).toHaveLength(4);
    expect(report.stopReason).toBe('round-limit');
    expect(report.final.pages).toBe(300);
    expect(sameBytes(target.ram, guest.ram)).toBe(true);
  });

  it('a target that never answers: the source gives up and its guest never stopped', async () => {
    const [a, , log] = linkPair();
    const guest = new FakeGuest(64);
    await expect(sendMachine(guest, a, { timeoutMs: 50 })).rejects.toThrow(MigrationFailed);
    expect(guest.running).toBe(true);
    expect(log.at(-1)).toMatchObject({ kind: 'abort' });
  });

  it('a target that fails at the resume: the source runs its guest again', async () => {
    const [a, b] = linkPair();
    const guest = new FakeGuest(64);
    const target = new FakeTarget(guest.memoryBytes);
    target.resume = () => Promise.reject(new Error('the state does not fit'));
    const results = await Promise.allSettled([sendMachine(guest, a), receiveMachine(target, b)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toContain(
      'the state does not fit',
    );
    expect(guest.running).toBe(true);
    expect(guest.resumed).toBe(1);
  });

  it('a source that goes silent mid-way: the target drops the partial machine', async () => {
    const [a, b] = linkPair();
    const target = new FakeTarget(64 * PAGE_SIZE);
    const received = receiveMachine(target, b, { timeoutMs: 50 });
    a.send({ kind: 'pages', round: 0, pages: Uint32Array.of(1), data: new Uint8Array(PAGE_SIZE) });
    await expect(received).rejects.toThrow(/said nothing/);
  });

  it('pages that do not fit the target abort the migration on both ends', async () => {
    const [a, b] = linkPair();
    const guest = new FakeGuest(64);
    const target = new FakeTarget(8 * PAGE_SIZE); // another memory size
    const results = await Promise.allSettled([sendMachine(guest, a), receiveMachine(target, b)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(guest.running).toBe(true);
  });
});
