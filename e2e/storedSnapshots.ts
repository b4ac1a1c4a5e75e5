// Reaching into the lab's snapshot store the way a bug, a full disk or a curious student with
// developer tools might: to check that what the lab reads back is checked.
import type { Page } from '@playwright/test';

/**
 * Sets `fields` on the stored record of the snapshot called `name` (any snapshot, when null;
 * never the hidden chunk base); with `loseFirstChunk`, points its first chunk at one that is not
 * stored; with `copyAs`, writes the changed record under that id instead, leaving the original.
 */
export async function editSnapshotRecord(
  page: Page,
  edit: {
    name: string | null;
    fields?: Record<string, unknown>;
    loseFirstChunk?: boolean;
    copyAs?: string;
  },
): Promise<void> {
  await page.evaluate(async ({ name, fields = {}, loseFirstChunk = false, copyAs }) => {
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
      });
    const db = await request(indexedDB.open('aula86-snapshots'));
    const store = db.transaction('data', 'readwrite').objectStore('data');
    for (const key of await request(store.getAllKeys())) {
      if (typeof key !== 'string' || !key.startsWith('meta:')) continue;
      const value = (await request(store.get(key))) as {
        name?: string;
        kind?: string;
        chunks: string[];
      };
      if (value.kind !== undefined || (name !== null && value.name !== name)) continue;
      const chunks = loseFirstChunk ? ['0'.repeat(64), ...value.chunks.slice(1)] : value.chunks;
      await request(store.put({ ...value, chunks, ...fields }, copyAs ? `meta:${copyAs}` : key));
      break;
    }
    db.close();
  }, edit);
}
