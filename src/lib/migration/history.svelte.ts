// The lab's migrations, kept in this browser for all its tabs (its hosts): each host writes the
// migrations it took part in, and both ends of one write the same record (by its id), so it is
// kept once. Every tab shows the list and follows it as others write. Stored versioned and read
// through a schema (any page of the origin can write there): a record that does not read is
// left out, never shown half. The newest first, at most MAX_RECORDS.
import * as v from 'valibot';
import type { MigrationReport } from '../../common/migration/precopy';
import { localTextMemory, type TextMemory } from '../storage/textMemory';
import { Id, ReportSchema, Text } from './hostMessages';

export interface MigrationRecord {
  id: string;
  machine: string;
  from: string;
  to: string;
  live: boolean;
  /** Epoch ms when it ended. */
  at: number;
  report: MigrationReport;
}

export const MAX_RECORDS = 20;
const VERSION = 1;

const RecordSchema = v.strictObject({
  id: Id,
  machine: Text(40),
  from: Text(40),
  to: Text(40),
  live: v.boolean(),
  at: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15)),
  report: ReportSchema,
}) satisfies v.GenericSchema<unknown, MigrationRecord>;

const StoredSchema = v.strictObject({
  version: v.literal(VERSION),
  records: v.pipe(v.array(v.unknown()), v.maxLength(MAX_RECORDS)),
});

/** The records a stored text holds (none if it is not ours, or of another version). */
export function readRecords(text: string | null): MigrationRecord[] {
  let json: unknown;
  try {
    json = JSON.parse(text ?? 'null');
  } catch {
    return [];
  }
  const stored = v.safeParse(StoredSchema, json);
  if (!stored.success) return [];
  return stored.output.records.flatMap((record) => {
    const read = v.safeParse(RecordSchema, record);
    return read.success ? [read.output] : [];
  });
}

export function writeRecords(records: readonly MigrationRecord[]): string {
  return JSON.stringify({ version: VERSION, records: records.slice(0, MAX_RECORDS) });
}

/** `records` with `record` in it once (the first write of an id stays), newest first. */
export function withRecord(
  records: readonly MigrationRecord[],
  record: MigrationRecord,
): MigrationRecord[] {
  if (records.some((r) => r.id === record.id)) return [...records];
  return [record, ...records].sort((a, b) => b.at - a.at).slice(0, MAX_RECORDS);
}

/** Where the records are kept: localStorage in the browser (`watch`: another tab wrote). */
export interface HistoryMemory extends TextMemory {
  watch(changed: () => void): () => void;
}

export function localHistoryMemory(key = 'aula86.migrations'): HistoryMemory {
  return {
    ...localTextMemory(key),
    watch: (changed) => {
      const onStorage = (event: StorageEvent) => {
        if (event.key === key || event.key === null) changed();
      };
      window.addEventListener('storage', onStorage);
      return () => window.removeEventListener('storage', onStorage);
    },
  };
}

/** A memory for one page (tests, or where storage is blocked). */
export function pageHistoryMemory(): HistoryMemory {
  let text: string | null = null;
  return { read: () => text, write: (t) => (text = t), watch: () => () => undefined };
}

export class MigrationHistory {
  records = $state.raw<MigrationRecord[]>([]);
  readonly #memory: HistoryMemory;
  readonly #unwatch: () => void;

  constructor(memory: HistoryMemory) {
    this.#memory = memory;
    this.records = this.#read();
    this.#unwatch = memory.watch(() => (this.records = this.#read()));
  }

  add(record: MigrationRecord): void {
    this.records = withRecord(this.#read(), record);
    try {
      this.#memory.write(writeRecords(this.records));
    } catch {
      // storage full or blocked: the record is shown in this tab only
    }
  }

  dispose(): void {
    this.#unwatch();
  }

  #read(): MigrationRecord[] {
    try {
      return readRecords(this.#memory.read());
    } catch {
      return this.records; // storage blocked: what this tab has
    }
  }
}
