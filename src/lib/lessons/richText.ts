// A lesson's text as the page shows it: paragraphs (split at blank lines) of plain text, `code`,
// **bold** and [links](/…) to this same origin only (any other link stays plain text). Nothing of
// the file becomes HTML: components render these pieces as text nodes. Pure.

export type Inline =
  { kind: 'text' | 'code' | 'strong'; text: string } | { kind: 'link'; text: string; href: string };

const TOKEN = /`([^`\n]+)`|\*\*([^*\n]+)\*\*|\[([^\]\n]+)\]\(([^)\s]+)\)/g;

/** The paragraphs of `source`, each a row of inline pieces. */
export function richText(source: string): Inline[][] {
  return source
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p !== '')
    .map(inline);
}

function inline(paragraph: string): Inline[] {
  const pieces: Inline[] = [];
  let at = 0;
  for (const m of paragraph.matchAll(TOKEN)) {
    if (m.index > at) pieces.push({ kind: 'text', text: paragraph.slice(at, m.index) });
    if (m[1] !== undefined) pieces.push({ kind: 'code', text: m[1] });
    else if (m[2] !== undefined) pieces.push({ kind: 'strong', text: m[2] });
    else if (sameOrigin(m[4]!)) pieces.push({ kind: 'link', text: m[3]!, href: m[4]! });
    else pieces.push({ kind: 'text', text: `${m[3]!} (${m[4]!})` });
    at = m.index + m[0].length;
  }
  if (at < paragraph.length) pieces.push({ kind: 'text', text: paragraph.slice(at) });
  return pieces;
}

/** A path or query of this page's own origin: "/docs/x", "?tool=network", "#step" (not "//host"). */
export function sameOrigin(href: string): boolean {
  return /^(\/(?!\/)|\?|#)/.test(href) && !/[\\\s]/.test(href);
}
