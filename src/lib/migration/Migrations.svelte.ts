// The lab's live migrations, both ends: as the source it offers a machine to another host, and
// once accepted drives it while its emulator sends the guest (pre-copy, or a stop-and-copy for
// comparison), then lets it go; as the target it checks an offer before anything is sent, makes
// a machine of the same guest, receives the guest into it and shows the source's terminal.
// One migration at a time per host. The figures of each are kept in the lab's history.
import { messageOf } from '../../common/errors';
import type { MigrationReport } from '../../common/migration/precopy';
import { info, problem, UserError, type Notice } from '../notices/notice';
import type { Machine } from '../vm/Machine.svelte';
import type { Addressed, Hosts } from './Hosts.svelte';
import type { ArrivingMachine, Finished, Offer, Refusal } from './hostMessages';
import {
  MigrationHistory,
  pageHistoryMemory,
  type HistoryMemory,
  type MigrationRecord,
} from './history.svelte';
import { refusalOf, targetRefusal, unmovable } from './offers';

/** What the migrations need of the lab. */
export interface MigrationLab {
  /** A machine of `arriving`'s guest, running (its guest is replaced), wired as it was; null
   * if it could not be made. */
  arrive(arriving: ArrivingMachine): Promise<Machine | null>;
  /** Why this lab cannot run that guest (see offers.ts), or null. */
  guestRefusal(arriving: ArrivingMachine): Promise<'profile' | 'memory' | null>;
  /** The machine is no longer this host's (it runs elsewhere, or never arrived). */
  letGo(machine: Machine): void;
  /** What the guest says the moment it runs here, so that the network learns where it is now
   * (a gratuitous ARP for its address), or null. */
  announcement(machine: Machine): Uint8Array<ArrayBuffer> | null;
  /** What the source says about its machine's cable. */
  wiring(machine: Machine): Pick<ArrivingMachine, 'lan' | 'address'>;
}

/** The one migration under way at this host. */
export interface Moving {
  role: 'source' | 'target';
  machine: string;
  peer: string;
  live: boolean;
  phase: 'asking' | 'moving';
}

/** How long the source waits for the target's answer (it may have to start a machine), ms. */
const ANSWER_MS = 30_000;
/** How long the target waits for the source's report once the guest runs, ms. */
const REPORT_MS = 10_000;

export class Migrations {
  moving = $state.raw<Moving | null>(null);
  /** The lab's migrations (every tab's), newest first. */
  readonly history: MigrationHistory;
  notice = $state.raw<Notice | null>(null);
  readonly #undo: Array<() => void> = [];

  constructor(
    readonly hosts: Hosts,
    private readonly lab: MigrationLab,
    history: HistoryMemory = pageHistoryMemory(),
  ) {
    this.history = new MigrationHistory(history);
    this.own(() => this.history.dispose());
    this.own(
      hosts.events.on('message', (m) => {
        if (m.kind === 'offer') void this.#receive(m);
      }),
    );
  }

  /** Something to undo when the migrations end. */
  own(undo: () => void): void {
    this.#undo.push(undo);
  }

  /** Moves `machine` to the host `to`: live (pre-copy) or stopped (stop-and-copy). */
  async send(machine: Machine, to: string, live: boolean): Promise<boolean> {
    this.notice = null;
    const target = this.hosts.host(to);
    const profile = machine.profile;
    const refusal = targetRefusal(this.hosts.info, target);
    if (refusal || !target) return this.#fail(problem(`migrate.refused.${refusal ?? 'failed'}`));
    if (this.moving) return this.#fail(problem('migrate.refused.busy'));
    const cannot = unmovable(machine);
    if (cannot || !profile)
      return this.#fail(problem(`migrate.error.${cannot ?? 'notRunning'}`, { name: machine.name }));
    const id = crypto.randomUUID();
    const between = { id, from: this.hosts.self.id, to };
    const channel = `aula86-migration:${id}`;
    const name = machine.name;
    this.moving = { role: 'source', machine: name, peer: target.name, live, phase: 'asking' };
    const answer = this.#answer(id, ['accept', 'refuse', 'failed'], ANSWER_MS, to);
    this.hosts.send({
      kind: 'offer',
      ...between,
      version: this.hosts.self.version,
      live,
      channel,
      machine: {
        name,
        profileId: profile.id,
        memoryBytes: profile.memoryBytes,
        mac: machine.nic.mac,
        ...this.lab.wiring(machine),
      },
    });
    try {
      const said = await answer;
      if (said.kind === 'refuse') throw new UserError(`migrate.refused.${said.reason}`);
      if (said.kind !== 'accept') throw new UserError('migrate.refused.failed');
      this.moving = { ...this.moving, phase: 'moving' };
      const sent = await machine.drive('migration', async (drive) => {
        const report = await machine.emulatorFor(drive).migrateOut({ channel, live });
        const screen = new TextDecoder().decode(machine.console.recentOutput());
        // The student's typing held meanwhile goes on to the target, not to this stopped guest.
        return { report, screen, held: machine.console.discardHeld() };
      });
      this.hosts.send({ kind: 'finished', ...between, ...sent });
      this.#record({ id, machine: name, from: this.hosts.self.name, to: target.name, live }, sent);
      this.lab.letGo(machine);
      this.notice = info('migrate.sent', { name, host: target.name });
      return true;
    } catch (error) {
      this.hosts.send({ kind: 'failed', ...between, reason: messageOf(error).slice(0, 200) });
      return this.#fail(
        error instanceof UserError
          ? error.notice
          : problem('migrate.error.failed', { name, detail: messageOf(error) }),
      );
    } finally {
      this.moving = null;
    }
  }

  dispose(): void {
    for (const undo of this.#undo.splice(0).reverse()) undo();
    this.hosts.dispose();
  }

  async #receive(offer: Offer): Promise<void> {
    const from = this.hosts.host(offer.from)?.name ?? '?';
    const guest = await this.lab.guestRefusal(offer.machine);
    const refusal = refusalOf(offer, { self: this.hosts.info, busy: this.moving !== null, guest });
    if (refusal) return this.#refuse(offer, refusal);
    const name = offer.machine.name;
    this.moving = { role: 'target', machine: name, peer: from, live: offer.live, phase: 'asking' };
    this.notice = null;
    let machine: Machine | null = null;
    try {
      machine = await this.lab.arrive(offer.machine);
      if (!machine) return this.#refuse(offer, 'failed');
      const arrived = machine;
      this.moving = { ...this.moving, phase: 'moving' };
      const report = this.#answer(offer.id, ['finished', 'failed'], ANSWER_MS + REPORT_MS);
      report.catch(() => undefined); // judged once the guest runs here
      await arrived.drive('migration', async (drive) => {
        // The screen is the arriving guest's from now on (the source's part of it comes after).
        arrived.console.showRestored(new Uint8Array());
        const received = arrived.emulatorFor(drive).migrateIn({
          channel: offer.channel,
          announce: this.lab.announcement(arrived),
        });
        this.hosts.send({ kind: 'accept', id: offer.id, from: offer.to, to: offer.from });
        await received;
        // Only now the arrived guest's: output before this answer was the replaced guest's
        // (its worker sends the arrived one's after it).
        arrived.console.showRestored(new Uint8Array());
        arrived.speed.reset(false);
        arrived.state.restored(true);
        const said = await report.catch(() => null);
        const finished = said?.kind === 'finished' ? said : null;
        await this.#show(arrived, offer.machine.name, finished);
        if (finished)
          this.#record(
            { id: offer.id, machine: name, from, to: this.hosts.self.name, live: offer.live },
            finished,
          );
      });
      this.notice = info('migrate.received', { name: arrived.name, host: from });
    } catch (error) {
      if (machine) this.lab.letGo(machine);
      this.notice = problem('migrate.error.failed', { name, detail: messageOf(error) });
    } finally {
      this.moving = null;
    }
  }

  /** The source's terminal, and what the student typed meanwhile, on this host now. Under a
   * new name (`was`: its name there), the guest's hostname changes before the student's typing
   * reaches it, but its prompt is drawn again only if it is at one: a program running in the
   * foreground gets no Enter of ours. */
  async #show(machine: Machine, was: string, finished: Finished | null): Promise<void> {
    const since = new TextDecoder().decode(machine.console.recentOutput());
    const screen = (finished?.screen ?? '') + since;
    const { console, name } = machine;
    await console.showRestoredAs(screen, name, null);
    if (was !== name) await console.renameGuest(name, console.atPrompt());
    if (finished?.held) console.sendInput(finished.held);
  }

  #refuse(offer: Offer, reason: Refusal): void {
    this.hosts.send({ kind: 'refuse', id: offer.id, from: offer.to, to: offer.from, reason });
  }

  #record(what: Omit<MigrationRecord, 'at' | 'report'>, sent: { report: MigrationReport }): void {
    this.history.add({ ...what, at: Date.now(), report: sent.report });
  }

  #fail(notice: Notice): false {
    this.notice = notice;
    return false;
  }

  /** The other host's next message about migration `id`, of one of `kinds` (refused at once
   * if the host `from` leaves meanwhile). */
  #answer<K extends Addressed['kind']>(
    id: string,
    kinds: readonly K[],
    timeoutMs: number,
    from?: string,
  ): Promise<Extract<Addressed, { kind: K }>> {
    return new Promise((resolve, reject) => {
      const end = () => {
        clearTimeout(timer);
        undo.forEach((u) => u());
      };
      const timer = setTimeout(() => {
        end();
        reject(new UserError('migrate.error.noAnswer', { seconds: timeoutMs / 1000 }));
      }, timeoutMs);
      const undo = [
        this.hosts.events.on('message', (m) => {
          if (m.id !== id || !(kinds as readonly string[]).includes(m.kind)) return;
          // Only the host asked answers: another that says it takes the machine is not heard.
          if (from !== undefined && m.from !== from) return;
          end();
          resolve(m as Extract<Addressed, { kind: K }>);
        }),
        this.hosts.events.on('left', (host) => {
          if (host !== from) return;
          end();
          reject(new UserError('migrate.refused.failed'));
        }),
      ];
    });
  }
}
