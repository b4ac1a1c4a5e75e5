// The lab: it owns its machines and every service (guest source, snapshots, benchmark, offline
// use, kiosk), creates them in one place and destroys them in the reverse order. The UI shows
// what it holds and calls its methods; nothing is started from components.
import { GuestSource, type GuestSourceOptions } from '../guest/GuestSource';
import { Benchmark } from '../bench/Benchmark.svelte';
import { formatDateTime } from '../i18n/format';
import { locale } from '../i18n/locale.svelte';
import type { Locale } from '../i18n/translate';
import { Kiosk } from '../kiosk/Kiosk.svelte';
import { info, problem, UserError, type Notice } from '../notices/notice';
import { Offline } from '../offline/Offline.svelte';
import { Snapshots } from '../snapshots/Snapshots.svelte';
import type { SnapshotLibrary } from '../snapshots/library';
import type { CreateEmulator } from '../vm/EmulatorClient';
import { toHostname } from '../vm/hostname';
import { Machine } from '../vm/Machine.svelte';
import type { Drive } from '../vm/DriverSeat.svelte';
import { assertRoom, machineCost, memoryBudget, nextMachineName, refuseMachine } from './capacity';
import { SpareEmulator } from './SpareEmulator';
import { createWorkerEmulator } from '../vm/EmulatorClient';
import type { LabParams } from './params';
import { askedGuest, paramsNotice } from './asked';
import { Network } from '../network/Network.svelte';
import { NetworkMeasure } from '../network/NetworkMeasure.svelte';
import type { NicKind } from '../../common/devices.mjs';
import type { LabLayout } from '../network/layout';
import { applyLayout, layoutOf } from './LabLayout';
import { LabSnapshots } from '../snapshots/LabSnapshots.svelte';
import { GuestShelf } from '../guest/GuestShelf.svelte';
import type { Lessons } from '../lessons/Lessons.svelte';
import type { Migrations } from '../migration/Migrations.svelte';
import { joinHosts, openMigrations } from './arrivals';

export interface LabOptions extends GuestSourceOptions {
  params: LabParams;
  /** The emulator behind each machine (a worker; unit tests give a fake). */
  createEmulator?: CreateEmulator;
  /** Memory the machines may take, bytes (default: from navigator.deviceMemory). */
  budgetBytes?: number;
  /** Where snapshots are kept (default: IndexedDB, with a worker for the codec). */
  openLibrary?: () => Promise<SnapshotLibrary>;
  /** The app's version: machines migrate only between hosts of one version (and one v86). */
  appVersion?: string;
  /** The channel the lab's hosts meet on (default: the one every tab of the lab uses). */
  hostsChannel?: string;
}

export class Lab {
  machines = $state.raw<Machine[]>([]);
  selected = $state.raw<Machine | null>(null);
  /** What the last lab action said (a machine refused, renamed, removed). */
  notice = $state.raw<Notice | null>(null);
  /** The first machine is powering on (or could not): the panels are drawn now, not with its prompt. */
  drawn = $state.raw(false);
  /** The first machine is up (or could not start): the snapshot store opens. */
  settled = $state.raw(false);
  /** Memory the machines may take, and what they take (emulated RAM + overhead), bytes. */
  readonly budgetBytes: number;
  usedBytes = $derived(this.machines.reduce((sum, m) => sum + machineCost(m.memoryBytes ?? 0), 0));
  /** The machines' emulated RAM, bytes. */
  ramBytes = $derived(this.machines.reduce((sum, m) => sum + (m.memoryBytes ?? 0), 0));

  readonly guests: GuestSource;
  readonly snapshots: Snapshots;
  readonly bench: Benchmark;
  readonly offline: Offline;
  readonly kiosk: Kiosk;
  readonly network: Network;
  readonly networkMeasure: NetworkMeasure;
  readonly labSnapshots: LabSnapshots;
  /** The guests a machine can run. */
  readonly shelf: GuestShelf;
  /** This tab as a host, and its machines' live migrations to and from the others. */
  readonly migrations: Migrations;

  #params: LabParams;
  /** The guest the machines the address opens start with (see #known). */
  #asked: ReturnType<typeof askedGuest> | null = null;
  #createEmulator: CreateEmulator;
  /** A machine made ready ahead, so that "Add machine" answers at once. */
  #spare: SpareEmulator;
  #undo: Array<() => void> = [];
  #lessons: Promise<Lessons> | null = null;

  constructor(options: LabOptions) {
    this.#params = options.params;
    this.#createEmulator = options.createEmulator ?? createWorkerEmulator;
    this.budgetBytes =
      options.budgetBytes ??
      memoryBudget((globalThis.navigator as { deviceMemory?: number } | undefined)?.deviceMemory);
    this.guests = new GuestSource(options);
    this.#spare = new SpareEmulator(this.guests, this.#createEmulator);
    const target = () => this.selected;
    this.snapshots = new Snapshots(
      target,
      () => this.guests.bootStateCopy(this.machines.find((m) => m.profile)?.profile),
      () => formatDateTime(Date.now(), locale.current),
      options.openLibrary,
    );
    this.bench = new Benchmark(target, options.imagesBase);
    this.offline = new Offline();
    this.kiosk = new Kiosk(target, this.snapshots, (layout) => this.applyLayout(layout));
    this.network = new Network(() => this.machines);
    this.networkMeasure = new NetworkMeasure(this);
    this.labSnapshots = new LabSnapshots(this.snapshots, this);
    this.shelf = new GuestShelf(
      this.guests,
      () => this.machines,
      () => this.budgetBytes,
    );
    const version = `${options.appVersion ?? '?'}/${options.v86Version}`;
    this.migrations = openMigrations(this, version, options.hostsChannel);
    // The guests' own lines (their welcome, `aula`) follow the page's language.
    const tell = (lang: Locale) => this.machines.forEach((m) => m.console.setLanguage(lang));
    this.#undo.push(locale.events.on('changed', tell));
  }

  /** Opens the lab as its address asks: its machines (on unless ?autostart=0), kiosk mode if
   * set; the snapshot store and the offline cache once the first machine is up. */
  start(): void {
    const { machines, autostart, kiosk, problems } = this.#params;
    this.notice = paramsNotice(problems);
    for (let i = 0; i < machines; i++) this.#create(autostart);
    this.selected = this.machines[0] ?? null;
    const first = this.selected;
    if (autostart && first) {
      const draw = () => (this.drawn = true);
      this.#undo.push(
        first.console.events.on('poweredOn', draw),
        first.events.on('ready', () => this.#settle()),
        first.events.on('failed', () => this.#settle()),
      );
    } else this.#settle();
    void this.kiosk.init(kiosk).then(() => this.#kioskKnown());
  }

  /** A kiosk whose kiosk.json asks for more machines opens them (its layout then shows tabs);
   * the tab joins the other hosts, as kiosk.json allows. */
  #kioskKnown(): void {
    joinHosts(this);
    if (!this.kiosk.active || !this.#params.autostart) return;
    while (this.machines.length < this.kiosk.config.machines) this.#create(true);
  }

  /** Adds a machine of `profileId` (or the lab's guest), or says why it does not fit;
   * `arriving`: for a guest coming by migration (its card is not set up: the guest changes). */
  async add(profileId?: string, arriving = false): Promise<Machine | null> {
    this.notice = null;
    try {
      const profile = await this.guests.profile(profileId);
      const running = this.machines.map((m) => m.memoryBytes ?? profile.memoryBytes);
      assertRoom(running, profile.memoryBytes, this.budgetBytes);
    } catch (error) {
      this.notice = error instanceof UserError ? error.notice : problem('lab.error.manifest');
      return null;
    }
    const machine = this.#create(true, profileId, arriving);
    this.selected = machine;
    this.#prepareSpare();
    return machine;
  }

  /** Ends a machine: its worker stops and its memory is freed. The last one stays. */
  remove(machine: Machine): void {
    if (!this.machines.includes(machine) || this.machines.length === 1) return;
    this.letGo(machine);
    this.notice = info('lab.removed', { name: machine.name });
  }

  /** A machine no longer this host's (it runs on another now): ended, even the last one. */
  letGo(machine: Machine): void {
    const at = this.machines.indexOf(machine);
    if (at < 0) return;
    this.bench.cancelOn(machine);
    this.machines = this.machines.filter((m) => m !== machine);
    if (this.selected === machine) this.selected = this.machines[Math.max(0, at - 1)] ?? null;
    machine.destroy();
  }

  /** Renames a machine (and its guest's hostname); a name in use or unusable is refused. */
  rename(machine: Machine, name: string): boolean {
    const host = toHostname(name);
    if (!host) this.notice = problem('lab.error.badName', { name });
    else if (this.machines.some((m) => m !== machine && m.name === host)) {
      this.notice = problem('lab.error.nameTaken', { name: host });
    } else {
      this.notice = null;
      machine.rename(host);
    }
    return this.notice === null;
  }

  /** Another kind of card: the same guest, powered off and on with it (`by`: inside a drive). */
  async changeNic(machine: Machine, kind: NicKind, by?: Drive): Promise<void> {
    const current = machine.profile;
    if (!current || current.nic === kind) return;
    const sibling = await this.guests.withNic(current, kind);
    if (!sibling) {
      this.notice = problem('net.error.noSuchCard', { kind });
      return;
    }
    await machine.changeProfile(sibling, by);
  }

  /** The lab as it is: its switches, and each machine's profile, card and cable. */
  layout(): LabLayout {
    return layoutOf(this.machines, this.network);
  }

  /** Makes the lab match a layout (a lab snapshot's, or kiosk.json's): see LabLayout. */
  async applyLayout(raw: unknown, drives: readonly Drive[] = []): Promise<Machine[]> {
    const machines = await applyLayout(
      {
        machines: () => this.machines,
        network: this.network,
        budgetBytes: this.budgetBytes,
        addMachine: () => this.#create(true),
        remove: (machine) => this.remove(machine),
      },
      await this.guests.manifest(),
      raw,
      drives,
    );
    this.selected = machines[0] ?? null;
    return machines;
  }

  /** The lessons, loaded when the Lessons tool first opens (not with the page). */
  lessons(): Promise<Lessons> {
    return (this.#lessons ??= import('../lessons/labPort.svelte').then((m) => m.openLessons(this)));
  }

  select(machine: Machine): void {
    if (this.machines.includes(machine)) this.selected = machine;
  }

  /** Ends everything the lab started, newest first. */
  destroy(): void {
    for (const undo of this.#undo.splice(0).reverse()) undo();
    this.migrations.dispose();
    this.#spare.dispose();
    void this.#lessons?.then((l) => l.dispose());
    this.kiosk.dispose();
    this.bench.cancel();
    this.networkMeasure.cancel();
    this.offline.dispose();
    this.snapshots.dispose();
    for (const machine of this.machines) machine.destroy();
    this.network.dispose();
    this.machines = [];
    this.selected = null;
  }

  #create(autostart: boolean, profileId?: string, arriving = false): Machine {
    const name = nextMachineName(this.machines.map((m) => m.name));
    const [guests, createEmulator, spares] = [this.guests, this.#createEmulator, this.#spare];
    const machine = new Machine({ name, guests, createEmulator, spares });
    machine.console.setLanguage(locale.current);
    this.machines = [...this.machines, machine];
    // Every machine's card starts in the first LAN; the guest learns its MAC (and gets an
    // address) once it is up, and again after each restore.
    machine.nic.plug(this.network.lans[0]?.switch ?? null, name);
    // The lab's control lines are for its own guest: a guest of the user's sets up its network.
    const configure = () => !machine.profile?.user && void this.network.configure(machine);
    if (!arriving) machine.events.on('ready', configure);
    machine.events.on('restored', configure);
    const { profile, cold } = this.#params;
    // At once (a layout applied next may change its guest), or once the guest named is known.
    if (!autostart) return machine;
    if (profileId !== undefined) void machine.start(profileId);
    else if (profile === null) void machine.start(undefined, { cold });
    else void this.#known(profile).then((id) => machine.start(id, { cold }));
    return machine;
  }

  /** The guest the address names, once known to exist (asked once for every machine). */
  async #known(id: string): Promise<string | undefined> {
    const asked = await (this.#asked ??= askedGuest(id, this.guests, () => this.shelf.load()));
    if (asked.notice) this.notice = asked.notice;
    return asked.id;
  }

  #settle(): void {
    if (this.settled) return;
    this.drawn = this.settled = true;
    void this.snapshots.init().catch(() => undefined); // the panel says what failed
    void this.shelf.load().catch(() => undefined); // the machine says when the manifest fails
    void this.offline.register();
    this.#prepareSpare();
  }

  /** A machine made ready for the next "Add machine" if another would fit (not in a locked kiosk). */
  #prepareSpare(): void {
    this.#spare.prepareWhenQuiet((profile) => {
      if (this.machines.length === 0 || (this.kiosk.active && this.kiosk.locked)) return false;
      const running = this.machines.map((m) => m.memoryBytes ?? profile.memoryBytes);
      return !refuseMachine(running, profile.memoryBytes, this.budgetBytes);
    });
  }
}
