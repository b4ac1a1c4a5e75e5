// The JS a visit loads before anything is opened: the page's entry chunk (index-*.js) and every
// chunk it imports statically, transitively. Chunks loaded on demand (a tool's pane, the terminal,
// the screen view) and the workers are not counted.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const STATIC_IMPORT =
  /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]*from\s*)?["']\.\/([\w.-]+\.js)["']/g;

/** File names of the first-load chunks in `assets` (dist/assets). */
export function firstLoadChunks(assets) {
  const entries = readdirSync(assets).filter((f) => /^index-.*\.js$/.test(f));
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(assets, file), 'utf8');
    for (const match of text.matchAll(STATIC_IMPORT)) visit(match[1]);
  };
  entries.forEach(visit);
  return [...seen];
}
