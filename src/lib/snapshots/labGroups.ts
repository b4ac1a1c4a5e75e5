// Lab snapshots in a list of snapshots: the members of each, grouped and in order.
import type { SnapshotMeta } from '../../common/snapshots/format';

export interface LabSnapshot {
  id: string;
  name: string;
  createdAt: number;
  /** Its machines' snapshots, in the layout's order. */
  members: SnapshotMeta[];
  complete: boolean;
}

/** Groups the members of lab snapshots; a lab snapshot missing a member is incomplete. */
export function labSnapshotsOf(items: readonly SnapshotMeta[]): LabSnapshot[] {
  const byId = new Map<string, SnapshotMeta[]>();
  for (const meta of items) {
    if (!meta.lab) continue;
    const members = byId.get(meta.lab.id) ?? [];
    members.push(meta);
    byId.set(meta.lab.id, members);
  }
  return [...byId.values()]
    .map((members) => {
      const first = members[0]!.lab!;
      const ordered = [...members].sort((a, b) => a.lab!.index - b.lab!.index);
      const complete =
        ordered.length === first.count && ordered.every((m, i) => m.lab!.index === i);
      return {
        id: first.id,
        name: first.name,
        createdAt: Math.min(...members.map((m) => m.createdAt)),
        members: ordered,
        complete,
      };
    })
    .sort((a, b) => b.createdAt - a.createdAt);
}
