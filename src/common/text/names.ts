// The lab's one cleaner for every name a user or a guest can set and the lab shows (snapshots,
// lab snapshots, guest images, machines in other tabs): trimmed, bounded, with no control or
// bidirectional-override characters (U+202E would make "exe.txt" read as "txt.exe"); and unique
// where a list needs it.

export const MAX_NAME_CHARS = 80;

const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- control characters are what it removes
const CONTROLS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;

/** The name to keep for what was given (at most `max` characters), or null when nothing is left. */
export function cleanName(raw: string, max = MAX_NAME_CHARS): string | null {
  const text = raw.replace(BIDI_CONTROLS, '').replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim();
  // Cut by code points, not UTF-16 units, so no emoji is split in half.
  const cut = Array.from(text).slice(0, max).join('').trim();
  return cut === '' ? null : cut;
}

/** `name`, or "name (2)", "name (3)" … when another has it (still at most 80 characters). */
export function uniqueName(name: string, taken: Iterable<string>): string {
  const names = new Set(taken);
  if (!names.has(name)) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const room = MAX_NAME_CHARS - suffix.length;
    const candidate = `${Array.from(name).slice(0, room).join('').trimEnd()}${suffix}`;
    if (!names.has(candidate)) return candidate;
  }
}
