// The lab's layout: what it is (its switches, and each machine's profile, card and cable), and
// making the lab match one (a lab snapshot's, or kiosk.json's), checked first.
import type { Manifest } from '../guest/manifest';
import { UserError } from '../notices/notice';
import { LayoutError, parseLabLayout, type LabLayout, type MachineLayout } from '../network/layout';
import { withMemory } from '../guest/memory';
import { randomMac } from '../network/addresses';
import type { Network } from '../network/Network.svelte';
import type { Machine } from '../vm/Machine.svelte';
import type { Drive } from '../vm/DriverSeat.svelte';
import { MAX_MACHINES, machineCost } from './capacity';

/** What laying out needs of the lab. */
export interface LaidOutLab {
  /** The machines as they are now (the list changes as machines are added and removed). */
  machines(): readonly Machine[];
  readonly network: Network;
  readonly budgetBytes: number;
  /** A new machine, powering on. */
  addMachine(): Machine;
  remove(machine: Machine): void;
}

/** The lab as it is: its switches, and each machine's profile, card and cable. */
export function layoutOf(machines: readonly Machine[], network: Network): LabLayout {
  const lanOf = (m: Machine) =>
    m.nic.trunk.length > 0 ? 'trunk' : (network.lanOf(m)?.name ?? null);
  return {
    lans: network.lans.map((l) => ({ name: l.name, subnet: l.subnet, dhcp: l.dhcpOn })),
    machines: machines.map((m) => ({
      name: m.name,
      profile: m.profile?.id ?? '',
      // A pre-booted state is the profile's own size: a machine without one may have been given more.
      ...(m.profile && !m.profile.bootState && !m.profile.user
        ? { memoryMb: Math.round(m.profile.memoryBytes / 2 ** 20) }
        : {}),
      mac: m.nic.mac,
      lan: lanOf(m),
      linkUp: m.nic.linkUp,
    })),
  };
}

/**
 * The lab `current` made of these machines of guest `profile` (a lesson's start): its switches
 * as they are; a machine it has of the same name keeps its card's address, a new one gets its
 * own; each card plugged where asked (absent: the first switch), its link up. Pure.
 */
export function startLayout(
  current: LabLayout,
  machines: ReadonlyArray<{ name: string; lan?: string }>,
  profile: string,
  newMac: () => string = randomMac,
): LabLayout {
  const first = current.lans[0]?.name ?? null;
  return {
    lans: current.lans,
    machines: machines.map(({ name, lan }) => ({
      name,
      profile,
      mac: current.machines.find((m) => m.name === name)?.mac ?? newMac(),
      lan: lan ?? first,
      linkUp: true,
    })),
  };
}

/**
 * Makes the lab match a layout, checked first (a wrong one is refused with the reason, and
 * nothing changes): its switches, as many machines as it has (added or removed), each with its
 * name, profile (restarted if the card differs), MAC and cable. Resolves with the machines, in
 * the layout's order, once all of them run.
 */
export async function applyLayout(
  lab: LaidOutLab,
  manifest: Manifest,
  raw: unknown,
  /** Drives the caller holds on some of the lab's machines (a lab snapshot's restore). */
  drives: readonly Drive[] = [],
): Promise<Machine[]> {
  const layout = checked(raw, manifest);
  const profileOf = (spec: MachineLayout) => {
    const base = manifest.profiles.find((p) => p.id === spec.profile)!;
    return spec.memoryMb ? withMemory(base, spec.memoryMb * 2 ** 20) : base;
  };
  const cost = layout.machines.reduce(
    (sum, spec) => sum + machineCost(profileOf(spec).memoryBytes),
    0,
  );
  if (cost > lab.budgetBytes) {
    const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
    throw new UserError('lab.error.layoutMemory', {
      needed: mb(cost),
      budget: mb(lab.budgetBytes),
    });
  }
  const net = lab.network;
  for (const m of lab.machines()) m.nic.plug(null, m.name); // no router claims the trunk meanwhile
  for (const lan of [...net.lans]) {
    const wanted = layout.lans.find((l) => l.name === lan.name);
    if (!wanted || wanted.subnet !== lan.subnet) net.removeLan(lan);
    else lan.dhcpOn = wanted.dhcp;
  }
  for (const wanted of layout.lans) if (!net.lan(wanted.name)) net.addLan(wanted);
  while (lab.machines().length > layout.machines.length) lab.remove(lab.machines().at(-1)!);
  while (lab.machines().length < layout.machines.length) lab.addMachine();
  const machines = [...lab.machines()];
  await Promise.all(
    layout.machines.map(async (spec, i) => {
      const machine = machines[i]!;
      if (machine.name !== spec.name) machine.rename(spec.name);
      machine.nic.mac = spec.mac;
      machine.nic.setLink(spec.linkUp);
      net.plug(machine, spec.lan === 'trunk' ? 'trunk' : spec.lan ? net.lan(spec.lan) : null);
      if (machine.status === 'loading') await whenRunning(machine);
      await machine.changeProfile(
        profileOf(spec),
        drives.find((d) => machine.seat.holds(d)),
      );
      await whenRunning(machine);
    }),
  );
  return machines;
}

function checked(raw: unknown, manifest: Manifest): LabLayout {
  try {
    return parseLabLayout(raw, {
      maxMachines: MAX_MACHINES,
      profiles: manifest.profiles.map((p) => p.id),
    });
  } catch (error) {
    if (error instanceof LayoutError)
      throw new UserError('lab.error.layout', { detail: error.message });
    throw error;
  }
}

/** Resolves when the machine runs (at once if it does); rejects if it fails first. */
function whenRunning(machine: Machine): Promise<void> {
  if (machine.status === 'running') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const undo = [
      machine.events.on('ready', () => done(null)),
      machine.events.on('failed', (error) => done(new Error(error.code))),
    ];
    const done = (error: Error | null) => {
      for (const u of undo) u();
      if (error) reject(error);
      else resolve();
    };
  });
}
