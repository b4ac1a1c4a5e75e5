// The lab as live migration sees it (lib/migration): whether it can run a guest offered by
// another host, a machine made for one arriving (the same guest and memory, its name if free,
// its card's MAC and cable), and a machine let go once it runs elsewhere.
import type { GuestSource } from '../guest/GuestSource';
import { memoryChoicesMb, withMemory } from '../guest/memory';
import { Migrations, type MigrationLab } from '../migration/Migrations.svelte';
import { Hosts } from '../migration/Hosts.svelte';
import { localHistoryMemory, pageHistoryMemory } from '../migration/history.svelte';
import { hostLetter } from '../migration/hostMessages';
import { locale, t } from '../i18n/locale.svelte';
import type { Kiosk } from '../kiosk/Kiosk.svelte';
import type { Network } from '../network/Network.svelte';
import type { Machine } from '../vm/Machine.svelte';
import { refuseMachine } from './capacity';
import { gratuitousArp } from '../network/build';

export interface ArrivalLab {
  readonly machines: readonly Machine[];
  readonly guests: GuestSource;
  readonly network: Network;
  readonly budgetBytes: number;
  add(profileId?: string, arriving?: boolean): Promise<Machine | null>;
  rename(machine: Machine, name: string): boolean;
  letGo(machine: Machine): void;
}

const MiB = 2 ** 20;

export function migrationPort(lab: ArrivalLab): MigrationLab {
  return {
    async guestRefusal(arriving) {
      const profile = await lab.guests.profile(arriving.profileId).catch(() => null);
      if (!profile || profile.user || profile.id !== arriving.profileId) return 'profile';
      const sizes = memoryChoicesMb(profile, Number.MAX_SAFE_INTEGER);
      if (!sizes.includes(arriving.memoryBytes / MiB)) return 'memory';
      const running = lab.machines.map((m) => m.memoryBytes ?? 0);
      return refuseMachine(running, arriving.memoryBytes, lab.budgetBytes) ? 'memory' : null;
    },

    async arrive(arriving) {
      const machine = await lab.add(arriving.profileId, true);
      if (!machine) return null;
      const profile = machine.profile ?? (await lab.guests.profile(arriving.profileId));
      // A machine given more memory than its guest's own: one of that size (booted from scratch).
      if (profile.memoryBytes !== arriving.memoryBytes)
        void machine.changeProfile(withMemory(profile, arriving.memoryBytes));
      if (!(await whenUp(machine))) {
        lab.letGo(machine);
        return null;
      }
      if (!lab.machines.some((m) => m.name === arriving.name)) lab.rename(machine, arriving.name);
      const lan = arriving.lan === null ? null : lab.network.lan(arriving.lan);
      machine.nic.plug(lan?.switch ?? null, machine.name);
      machine.nic.adopt(arriving.mac, arriving.address);
      return machine;
    },

    letGo: (machine) => lab.letGo(machine),

    announcement: (machine) =>
      machine.nic.address ? gratuitousArp(machine.nic.mac, machine.nic.address) : null,

    wiring: (machine) => ({
      lan: lab.network.lanOf(machine)?.name ?? null,
      address: machine.nic.address,
    }),
  };
}

/** Resolves true once the machine's guest is at its prompt, false if it failed to start. */
function whenUp(machine: Machine): Promise<boolean> {
  if (machine.status === 'running' && machine.console.atPrompt()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const undo = [
      machine.events.on('ready', () => done(true)),
      machine.events.on('failed', () => done(false)),
    ];
    const done = (up: boolean) => {
      undo.forEach((u) => u());
      resolve(up);
    };
  });
}

/** The lab's migrations, as a host of the app and v86 `version` (its default name follows the
 * page's language). */
export function openMigrations(lab: ArrivalLab, version: string, channel?: string): Migrations {
  const hosts = new Hosts({
    version,
    channel,
    defaultName: () => t('hosts.defaultName', { letter: hostLetter(lab.network.tab) }),
    names: globalThis.sessionStorage ?? null,
  });
  const memory = 'localStorage' in globalThis ? localHistoryMemory() : pageHistoryMemory();
  const migrations = new Migrations(hosts, migrationPort(lab), memory);
  migrations.own(locale.events.on('changed', () => hosts.relabel()));
  return migrations;
}

/** Joins the other hosts once the kiosk is known: a kiosk takes part in migrations only if
 * kiosk.json lists the tool. */
export function joinHosts(lab: ArrivalLab & { kiosk: Kiosk; migrations: Migrations }): void {
  const { kiosk, migrations } = lab;
  const closed = () => kiosk.active && kiosk.locked && !kiosk.config.tools.includes('migration');
  void lab.network.numbered.then(() => migrations.hosts.relabel());
  migrations.hosts.start(closed);
}
