// Lab snapshots: every machine of the lab saved together, each as a snapshot of its own that
// also records the lab's layout (switches, machines, cards, cables); restoring one rebuilds that
// layout and puts each machine back into its state. Kept in the same store as the snapshots.
import { info, UserError } from '../notices/notice';
import type { LabLayout } from '../network/layout';
import type { Machine } from '../vm/Machine.svelte';
import { driveAll, type Drive } from '../vm/DriverSeat.svelte';
import { incompatibilities, SnapshotError } from '../../common/snapshots/format';
import type { Snapshots } from './Snapshots.svelte';
import { labSnapshotsOf, type LabSnapshot } from './labGroups';
import { cleanName, uniqueName } from '../../common/text/names';

export type { LabSnapshot } from './labGroups';

/** What lab snapshots need of the lab. */
export interface LabHost {
  readonly machines: readonly Machine[];
  layout(): LabLayout;
  /** Makes the lab match `raw` (checked first) and resolves once every machine runs. */
  applyLayout(raw: unknown, drives: readonly Drive[]): Promise<Machine[]>;
}

export class LabSnapshots {
  /** The lab snapshots in the store, newest first. */
  readonly list = $derived.by(() => labSnapshotsOf(this.snapshots.items));

  constructor(
    private readonly snapshots: Snapshots,
    private readonly lab: LabHost,
  ) {}

  /** Saves every machine of the lab, and the layout, as one lab snapshot called `name`. */
  save(name: string): Promise<{ failed: unknown } | null> {
    return this.snapshots.runTask('saving', async (library) => {
      const machines = this.lab.machines;
      const idle = machines.find((m) => m.status !== 'running' && m.status !== 'paused');
      if (idle) throw new UserError('snap.error.machineNotRunning', { name: idle.name });
      const layout = this.lab.layout();
      const id = crypto.randomUUID();
      // Cleaned as every name is, and unique among the lab snapshots (two alike could not be told apart).
      const taken = labSnapshotsOf((await library.list()).items).map((l) => l.name);
      const label = uniqueName(cleanName(name) ?? 'lab', taken);
      const captured = [];
      // All machines are captured first, then stored: the states belong to one moment.
      for (const m of machines) captured.push({ machine: m, ...(await m.saveState()) });
      for (const [index, c] of captured.entries()) {
        await library.save(
          {
            state: c.state,
            screen: c.screen,
            origin: c.origin,
            machine: c.machine.name,
            lab: { id, name: label, index, count: captured.length, layout },
          },
          `${label} · ${c.machine.name}`,
        );
      }
      return info('snap.labSaved', { name: label, count: captured.length });
    });
  }

  /** Rebuilds the lab snapshot's layout and restores each machine into its saved state. */
  restore(snapshot: LabSnapshot): Promise<{ failed: unknown } | null> {
    return this.snapshots.runTask('restoring', async (library) => {
      if (!snapshot.complete) throw new UserError('snap.error.labIncomplete');
      const layout = snapshot.members[0]!.lab!.layout;
      const states: ArrayBuffer[] = [];
      for (const meta of snapshot.members) states.push(await library.load(meta));
      // Every machine the lab has is driven from here on (refused, naming who, if one is
      // driven already); those the layout adds are driven as they are restored.
      const seats = this.lab.machines.map((m) => m.seat);
      return driveAll(seats, 'labRestore', async (drives) => {
        const machines = await this.lab.applyLayout(layout, drives);
        for (const [i, machine] of machines.entries()) {
          const meta = snapshot.members[i]!;
          const origin = machine.origin();
          const reasons = origin ? incompatibilities(meta, origin) : [];
          if (!origin || reasons.length > 0) {
            throw new SnapshotError({ code: 'incompatible', reasons });
          }
          const screen = new TextEncoder().encode(meta.screen);
          const by = drives.find((d) => machine.seat.holds(d));
          await machine.drive('labRestore', (d) => machine.restoreState(states[i]!, screen, d), {
            by,
          });
        }
        return info('snap.labRestored', { name: snapshot.name, count: machines.length });
      });
    });
  }

  remove(snapshot: LabSnapshot): Promise<{ failed: unknown } | null> {
    return this.snapshots.runTask('working', async (library) => {
      for (const meta of snapshot.members) await library.remove(meta);
      return null;
    });
  }
}
