// The shared folder's list as it changes: the difference between two listings (in the worker)
// and that difference applied to the page's copy. Pure.
import type { SharedFileInfo } from '../protocol/emulator';

export interface ListingDiff {
  /** Files new or changed (size or time). */
  changed: SharedFileInfo[];
  /** Names gone. */
  removed: string[];
}

export function diffListing(
  before: ReadonlyMap<string, SharedFileInfo>,
  after: ReadonlyMap<string, SharedFileInfo>,
): ListingDiff {
  const changed: SharedFileInfo[] = [];
  const removed: string[] = [];
  for (const [name, file] of after) {
    const old = before.get(name);
    if (!old || old.size !== file.size || old.modified !== file.modified) changed.push(file);
  }
  for (const name of before.keys()) if (!after.has(name)) removed.push(name);
  return { changed, removed };
}

const byName = (a: SharedFileInfo, b: SharedFileInfo) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

/** The page's list (sorted by name) with a difference applied; the same array when nothing changed. */
export function applyListing(
  files: readonly SharedFileInfo[],
  diff: ListingDiff & { all: boolean },
): readonly SharedFileInfo[] {
  if (diff.all) return [...diff.changed].sort(byName);
  if (diff.changed.length === 0 && diff.removed.length === 0) return files;
  const next = new Map(files.map((f) => [f.name, f]));
  for (const name of diff.removed) next.delete(name);
  for (const file of diff.changed) next.set(file.name, file);
  return [...next.values()].sort(byName);
}
