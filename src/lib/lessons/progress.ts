// What a student has done of each lesson, kept in this browser (IndexedDB) and versioned: for
// each lesson, when each step was done and when the lesson was (re)started. A damaged record is
// read field by field: what is well formed is kept, the rest forgotten. Pure but for the store.
import * as v from 'valibot';
import { createStore, get, set, type UseStore } from 'idb-keyval';

export const PROGRESS_VERSION = 1;
const KEY = 'progress';

export interface LessonProgress {
  /** When the lesson was started (or started over), ms since the epoch. */
  startedAt: number;
  /** When each done step was done, by step id. */
  done: Record<string, number>;
}

export interface ProgressRecord {
  version: typeof PROGRESS_VERSION;
  lessons: Record<string, LessonProgress>;
}

const Time = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));
const Entry = v.object({
  startedAt: Time,
  done: v.pipe(
    v.record(v.pipe(v.string(), v.maxLength(48)), Time),
    v.check((d) => Object.keys(d).length <= 12),
  ),
});

/** A stored record as the lab reads it: its well-formed lessons, at most 100 of them. */
export function readProgress(raw: unknown): ProgressRecord {
  const lessons: Record<string, LessonProgress> = {};
  const stored = (raw as { lessons?: unknown } | null)?.lessons;
  if (stored && typeof stored === 'object') {
    for (const [id, entry] of Object.entries(stored).slice(0, 100)) {
      const read = v.safeParse(Entry, entry);
      if (read.success && id.length <= 48) lessons[id] = read.output;
    }
  }
  return { version: PROGRESS_VERSION, lessons };
}

export interface ProgressStorage {
  load(): Promise<ProgressRecord>;
  save(record: ProgressRecord): Promise<void>;
}

export class IdbProgressStorage implements ProgressStorage {
  constructor(private readonly store: UseStore) {}

  /** The browser's store, or null when IndexedDB is unavailable (private mode, policy). */
  static open(name = 'aula86-lessons'): IdbProgressStorage | null {
    try {
      return typeof indexedDB === 'undefined'
        ? null
        : new IdbProgressStorage(createStore(name, 'data'));
    } catch {
      return null;
    }
  }

  async load(): Promise<ProgressRecord> {
    return readProgress(await get<unknown>(KEY, this.store));
  }

  save(record: ProgressRecord): Promise<void> {
    return set(KEY, record, this.store);
  }
}

export class MemoryProgressStorage implements ProgressStorage {
  #record: ProgressRecord = { version: PROGRESS_VERSION, lessons: {} };
  load(): Promise<ProgressRecord> {
    return Promise.resolve(readProgress(structuredClone(this.#record)));
  }
  save(record: ProgressRecord): Promise<void> {
    this.#record = structuredClone(record);
    return Promise.resolve();
  }
}
