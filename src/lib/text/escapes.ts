// Terminal escape sequences out of console text: what a reader (or a prompt detector) sees.

const ESCAPES = new RegExp(
  [
    String.fromCharCode(27) + '\\[[0-9;?]*[ -/]*[@-~]', // CSI: colours, cursor moves, queries
    String.fromCharCode(27) + '[()][0-9A-Za-z]', // character set selection
    String.fromCharCode(27) + '[^\\[()]', // other two-byte escapes
  ].join('|'),
  'g',
);

export function stripEscapes(text: string): string {
  return text.replace(ESCAPES, '');
}
