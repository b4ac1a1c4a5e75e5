import { describe, expect, it } from 'vitest';
import { MemoryProgressStorage, readProgress } from './progress';

describe('lesson progress', () => {
  it('keeps the well-formed lessons of a damaged record and drops the rest', () => {
    const record = readProgress({
      version: 1,
      lessons: {
        snapshots: { startedAt: 10, done: { work: 20, save: 30 } },
        broken: { startedAt: 'yesterday', done: {} },
        huge: {
          startedAt: 1,
          done: Object.fromEntries([...Array(13).keys()].map((i) => [`s${i}`, 1])),
        },
      },
    });
    expect(record).toEqual({
      version: 1,
      lessons: { snapshots: { startedAt: 10, done: { work: 20, save: 30 } } },
    });
    expect(readProgress(null)).toEqual({ version: 1, lessons: {} });
    expect(readProgress('junk')).toEqual({ version: 1, lessons: {} });
  });

  it('a saved record loads back as it was', async () => {
    const storage = new MemoryProgressStorage();
    const record = { version: 1 as const, lessons: { a: { startedAt: 1, done: { x: 2 } } } };
    await storage.save(record);
    expect(await storage.load()).toEqual(record);
  });
});
