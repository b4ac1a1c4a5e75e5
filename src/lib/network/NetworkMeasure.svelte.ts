// "Measure the network": the same ping series and the same 4 MB TCP transfer (nc, checksums
// compared) between the lab's first two machines on one switch, first with emulated NE2000
// cards and then with paravirtual virtio-net cards, and the figures side by side. The two
// machines are saved first and put back as they were after (their cards, their files, their
// shells): a measurement loses nothing the students set up.
import { messageOf } from '../../common/errors';
import { info, problem, type Notice } from '../notices/notice';
import type { NicKind } from '../../common/devices.mjs';
import type { Machine } from '../vm/Machine.svelte';
import { driveAll, type Drive } from '../vm/DriverSeat.svelte';
import { md5Of, median, pingTimes, transferFigures, type NetworkFigures } from './measure';

export type MeasureStep = 'save' | 'restart' | 'ping' | 'transfer' | 'restore';

/** The steps of a whole measurement, in order (the progress bar counts them). */
const STEPS = 1 + 3 * 2 + 1;

/** What the measurement needs of the lab. */
export interface MeasuredLab {
  readonly machines: readonly Machine[];
  changeNic(machine: Machine, kind: NicKind, by?: Drive): Promise<void>;
}

const KINDS: NicKind[] = ['ne2k', 'virtio'];
/** Transfer sizes offered, MiB. */
export const TRANSFER_MIB = [1, 4, 16] as const;
const PINGS = 20;
const PORT = 5001;

export class NetworkMeasure {
  running = $state.raw(false);
  step = $state.raw<{ kind: NicKind | null; step: MeasureStep } | null>(null);
  /** Steps done of the whole measurement, for its progress bar. */
  stepsDone = $state.raw(0);
  readonly stepsTotal = STEPS;
  results = $state.raw<NetworkFigures[]>([]);
  /** The last measurement that reached its end: when (ms since the epoch) and the cards measured. */
  lastRun = $state.raw<{ at: number; kinds: NicKind[] } | null>(null);
  notice = $state.raw<Notice | null>(null);
  /** How much the transfer sends, MiB. */
  mebibytes = $state<(typeof TRANSFER_MIB)[number]>(4);
  #abort: AbortController | null = null;

  constructor(private readonly lab: MeasuredLab) {}

  /** The first two running machines plugged into the same switch, or null. */
  pair(): [Machine, Machine] | null {
    const ready = this.lab.machines.filter((m) => m.status === 'running' && m.nic.switch);
    for (const a of ready) {
      const b = ready.find((m) => m !== a && m.nic.switch === a.nic.switch);
      if (b) return [a, b];
    }
    return null;
  }

  async run(): Promise<NetworkFigures[] | null> {
    const pair = this.pair();
    if (this.running) return null;
    if (!pair) {
      this.notice = problem('net.measureNeedsTwo');
      return null;
    }
    this.running = true;
    this.notice = null;
    this.results = [];
    const abort = (this.#abort = new AbortController());
    try {
      // Both machines' consoles are the measurement's: what the student types meanwhile is
      // held, and reaches each guest whole when it is done.
      await driveAll(
        pair.map((m) => m.seat),
        'networkMeasure',
        async (drives) => {
          this.#enter(null, 'save');
          const saved = await Promise.all(
            pair.map(async (m) => ({ ...(await m.saveState()), kind: m.profile?.nic })),
          );
          try {
            for (const kind of KINDS) {
              const figures = await this.#measure(kind, pair, drives, abort.signal);
              this.results = [...this.results, figures];
            }
          } finally {
            // Back as they were, even after a failure or a cancel: the same card, the same state.
            this.#enter(null, 'restore');
            for (const [i, machine] of pair.entries()) {
              const { state, screen, kind } = saved[i]!;
              if (kind) await this.lab.changeNic(machine, kind, drives[i]);
              await machine.restoreState(state, screen, drives[i]!);
            }
          }
        },
      );
      this.lastRun = { at: Date.now(), kinds: this.results.map((r) => r.kind) };
      const [ne2k, virtio] = this.results;
      if (ne2k && virtio) {
        // A number: the message writes it as the reader's language does ("5.5" / "5,5").
        const ratio = Math.round((10 * virtio.throughputMBps) / ne2k.throughputMBps) / 10;
        this.notice = info('net.measure.ratio', { ratio });
      }
      return this.results;
    } catch (error) {
      this.notice = problem('net.measure.failed', { detail: messageOf(error) });
      return null;
    } finally {
      this.step = null;
      this.stepsDone = 0;
      this.running = false;
      this.#abort = null;
    }
  }

  #enter(kind: NicKind | null, step: MeasureStep): void {
    if (this.step) this.stepsDone++;
    this.step = { kind, step };
  }

  cancel(): void {
    this.#abort?.abort();
  }

  async #measure(
    kind: NicKind,
    [receiver, sender]: [Machine, Machine],
    [atReceiver, atSender]: Drive[],
    signal: AbortSignal,
  ): Promise<NetworkFigures> {
    this.#enter(kind, 'restart');
    await Promise.all([
      this.lab.changeNic(receiver, kind, atReceiver),
      this.lab.changeNic(sender, kind, atSender),
    ]);
    const [to] = await Promise.all([addressOf(receiver, signal), addressOf(sender, signal)]);

    // Through each guest's agent: nothing is typed into the students' shells.
    const run = (machine: Machine, command: string, timeoutMs: number) =>
      machine.agent.exec(command, { timeoutMs, signal }).then((r) => r.output);
    this.#enter(kind, 'ping');
    const pinged = await run(sender, `ping -c ${PINGS} -i 0.2 ${to}`, PINGS * 1000 + 10_000);

    this.#enter(kind, 'transfer');
    // One random mebibyte, sent as many times as asked: the guest keeps 1 MiB in its memory
    // (a 16 MiB file would need more RAM than a right-sized guest has to spare).
    const block = '/tmp/aula-net';
    const bytes = this.mebibytes * 2 ** 20;
    const stream = `cat${` ${block}`.repeat(this.mebibytes)}`;
    const made = await run(
      sender,
      `dd if=/dev/urandom of=${block} bs=65536 count=16 2>/dev/null; ${stream} | md5sum`,
      60_000,
    );
    // The listener's input never ends (a FIFO held open): nc stops when the sender closes.
    const received = run(
      receiver,
      `mkfifo /tmp/aula-hold 2>/dev/null; nc -l -p ${PORT} <>/tmp/aula-hold | md5sum`,
      180_000,
    );
    // The listener may not be up yet: the sender tries again until it connects.
    const counters = [receiver, sender].map(watchCounter);
    const start = { at: performance.now(), instructions: counters.map((c) => c.total()) };
    const sent = run(sender, `until ${stream} | nc ${to} ${PORT}; do sleep 0.1; done`, 180_000);
    const receivedText = await received;
    const ms = performance.now() - start.at;
    const instructions = counters.reduce(
      (sum, c, i) => sum + c.total() - start.instructions[i]!,
      0,
    );
    for (const c of counters) c.dispose();
    await sent.catch(() => undefined);
    const rtt = median(pingTimes(pinged));
    return {
      kind,
      rttMs: rtt,
      checksumsEqual: md5Of(made, '-') !== null && md5Of(made, '-') === md5Of(receivedText, '-'),
      ...transferFigures(bytes, ms, instructions),
    };
  }
}

/** Waits until a machine is up with an address on its switch; the address. */
async function addressOf(machine: Machine, signal: AbortSignal): Promise<string> {
  const deadline = performance.now() + 60_000;
  while (!(machine.status === 'running' && machine.nic.address)) {
    if (signal.aborted) throw new Error('cancelled');
    if (machine.status === 'error' || performance.now() > deadline) {
      throw new Error(`${machine.name} has no address`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return machine.nic.address.split('/')[0]!;
}

/** The machine's instruction total as its latest counter reading says. */
function watchCounter(machine: Machine) {
  let total = machine.speed.latestTotal;
  const undo = machine.speed.events.on('counter', (reading) => (total = reading.total));
  return { total: () => total, dispose: undo };
}
