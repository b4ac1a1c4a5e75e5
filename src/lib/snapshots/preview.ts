// The last lines of terminal text saved with a snapshot, as plain text for its list entry.

const ESCAPES = new RegExp(
  [
    String.fromCharCode(27) + '\\[[0-9;?]*[ -/]*[@-~]', // CSI: colours, cursor moves, queries
    String.fromCharCode(27) + '[()][0-9A-Za-z]', // character set selection
    String.fromCharCode(27) + '[^\\[()]', // other two-byte escapes
  ].join('|'),
  'g',
);

export function previewLines(screen: string, count = 4): string[] {
  const lines = screen
    .replace(ESCAPES, '')
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
