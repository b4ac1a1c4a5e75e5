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

/** The guest's questions to its terminal (where is the cursor, what are you): replayed output
 * (a restored snapshot's, a migrated machine's) must not ask them again, or the terminal's
 * answers reach a guest that did not ask and may show up as typed text. */
const QUERIES = new RegExp(String.fromCharCode(27) + '\\[[>?]?[0-9;]*[nc]', 'g');

export function withoutQueries(text: string): string {
  return text.replace(QUERIES, '');
}

const ASKS_CURSOR = new RegExp(String.fromCharCode(27) + '\\[6n$');

/** The shell's last words are a cursor-position question (busybox's line editor asks one after
 * each prompt, and reads typing slowly until a terminal answers it). */
export function asksCursor(text: string): boolean {
  return ASKS_CURSOR.test(text);
}

/** A terminal's answer to that question: the cursor at the end of `text`'s last line. */
export function cursorReport(text: string): string {
  const line = text.slice(text.lastIndexOf('\n') + 1);
  const shown = stripEscapes(line.slice(line.lastIndexOf('\r') + 1));
  return `${String.fromCharCode(27)}[1;${shown.length + 1}R`;
}
