// The last lines of terminal text saved with a snapshot, as plain text for its list entry.
import { stripEscapes } from '../text/escapes';

export function previewLines(screen: string, count = 4): string[] {
  const lines = stripEscapes(screen)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      [...line]
        .filter((c) => c >= ' ' && c !== '\u007f')
        .join('')
        .trimEnd(),
    )
    .filter((line) => line !== '');
  return lines.slice(-count);
}
