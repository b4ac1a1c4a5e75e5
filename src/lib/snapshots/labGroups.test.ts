import { describe, expect, it } from 'vitest';
import { labSnapshotsOf } from './labGroups';
import type { SnapshotMeta } from '../../common/snapshots/format';

const member = (lab: string, index: number, count: number, createdAt = 1): SnapshotMeta =>
  ({
    id: `${lab}-${index}`,
    name: `${lab} · pc${index + 1}`,
    createdAt: createdAt + index,
    machine: `pc${index + 1}`,
    lab: { id: lab, name: lab, index, count, layout: {} },
  }) as SnapshotMeta;

describe('labSnapshotsOf', () => {
  it('groups a lab snapshot’s machines in their order, newest lab first, and leaves others out', () => {
    const single = { id: 'x', name: 'single', createdAt: 9 } as SnapshotMeta;
    const labs = labSnapshotsOf([
      member('a', 1, 2),
      single,
      member('a', 0, 2),
      member('b', 0, 1, 5),
    ]);
    expect(labs.map((l) => l.id)).toEqual(['b', 'a']);
    expect(labs[1]!.members.map((m) => m.machine)).toEqual(['pc1', 'pc2']);
    expect(labs.every((l) => l.complete)).toBe(true);
  });

  it('calls a lab snapshot with a machine missing incomplete', () => {
    const [lab] = labSnapshotsOf([member('a', 0, 3), member('a', 2, 3)]);
    expect(lab!.complete).toBe(false);
  });
});
