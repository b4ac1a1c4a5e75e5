import { describe, expect, it } from 'vitest';
import {
  MAX_RECORDS,
  MigrationHistory,
  readRecords,
  withRecord,
  writeRecords,
  type HistoryMemory,
  type MigrationRecord,
} from './history.svelte';

const record = (id: string, at: number): MigrationRecord => ({
  id: `migration-${id}`,
  machine: 'pc1',
  from: 'host A',
  to: 'host B',
  live: true,
  at,
  report: {
    rounds: [{ pages: 8192, bytes: 900_000, ms: 80 }],
    stopReason: 'small-enough',
    final: { pages: 3, bytes: 12_288, stateBytes: 50_000 },
    downtimeMs: 34,
    totalMs: 150,
    bytesSent: 962_288,
    memoryBytes: 32 << 20,
  },
});

/** One browser's storage as two tabs see it: a write in one is heard by the other. */
function sharedStorage() {
  let text: string | null = null;
  const watchers = new Set<() => void>();
  const tab = (): HistoryMemory => {
    const mine = new Set<() => void>();
    return {
      read: () => text,
      write: (t) => {
        text = t;
        for (const w of watchers) if (!mine.has(w)) w();
      },
      watch: (changed) => {
        watchers.add(changed);
        mine.add(changed);
        return () => watchers.delete(changed);
      },
    };
  };
  return { tab };
}

describe('migration history', () => {
  it('reads back what it wrote, newest first, each migration once', () => {
    let records = withRecord([], record('aaaa-0001', 1000));
    records = withRecord(records, record('aaaa-0002', 3000));
    records = withRecord(records, { ...record('aaaa-0001', 2000), from: 'other' });
    expect(records.map((r) => r.id)).toEqual(['migration-aaaa-0002', 'migration-aaaa-0001']);
    expect(readRecords(writeRecords(records))).toEqual(records);
  });

  it('keeps at most the newest MAX_RECORDS', () => {
    let records: MigrationRecord[] = [];
    for (let i = 0; i < MAX_RECORDS + 5; i++)
      records = withRecord(records, record(`bbbb-${1000 + i}`, i));
    expect(records).toHaveLength(MAX_RECORDS);
    expect(records[0]!.at).toBe(MAX_RECORDS + 4);
  });

  it('reads nothing from junk, another version or too many records; drops a bad record alone', () => {
    expect(readRecords(null)).toEqual([]);
    expect(readRecords('{not json')).toEqual([]);
    expect(readRecords(JSON.stringify({ version: 2, records: [] }))).toEqual([]);
    const many = Array.from({ length: MAX_RECORDS + 1 }, (_, i) => record(`cccc-${1000 + i}`, i));
    expect(readRecords(JSON.stringify({ version: 1, records: many }))).toEqual([]);
    const good = record('dddd-0001', 5);
    const bad = { ...record('dddd-0002', 6), report: { downtimeMs: 'soon' } };
    const huge = { ...record('dddd-0003', 7), machine: 'x'.repeat(5000) };
    expect(readRecords(JSON.stringify({ version: 1, records: [bad, good, huge] }))).toEqual([good]);
  });

  it('is the lab’s: a migration recorded in one tab shows in the other, once', () => {
    const storage = sharedStorage();
    const a = new MigrationHistory(storage.tab());
    const b = new MigrationHistory(storage.tab());
    a.add(record('eeee-0001', 10));
    expect(b.records.map((r) => r.id)).toEqual(['migration-eeee-0001']);
    b.add(record('eeee-0001', 11)); // the other end of the same migration
    expect(a.records).toHaveLength(1);
    b.dispose();
    a.add(record('eeee-0002', 12));
    expect(b.records).toHaveLength(1); // no longer listening
  });

  it('a blocked storage keeps the record for this tab', () => {
    const blocked: HistoryMemory = {
      read: () => {
        throw new Error('SecurityError');
      },
      write: () => {
        throw new Error('QuotaExceededError');
      },
      watch: () => () => undefined,
    };
    const history = new MigrationHistory(blocked);
    history.add(record('ffff-0001', 1));
    expect(history.records).toHaveLength(1);
  });
});
