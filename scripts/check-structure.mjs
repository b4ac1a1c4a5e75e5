// The shape rules ESLint does not check, run by `npm run lint`: no import circle anywhere in src
// (type-only imports count: a circle of types is still two modules that need each other), no
// module over 300 lines (message tables excepted), no component over 200, and no component that
// restyles a button of its own (app.css gives every button its look: `.primary`, `.quiet`) or
// writes a colour instead of the design system's custom properties.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const MAX_MODULE_LINES = 300;
const MAX_COMPONENT_LINES = 200;
/** Message tables: one line per message, as long as the lab has things to say. */
const TABLES = /^src\/lib\/i18n\/(en|es)(\.\w+)?\.ts$/;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const sources = files(join(root, 'src')).filter((f) => /\.(ts|mts|mjs|svelte)$/.test(f));
const known = new Set(sources);
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** The module a relative specifier names, as TypeScript and Vite would find it. */
function target(from, specifier) {
  const base = resolve(dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.svelte.ts`].find((c) => known.has(c)) ?? null;
}

const edges = new Map(
  sources.map((file) => {
    const text = readFileSync(file, 'utf8');
    const to = [...text.matchAll(IMPORT)].map((m) => target(file, m[1])).filter(Boolean);
    return [file, [...new Set(to)]];
  }),
);

/** Strongly connected components with more than one module (Tarjan), each a circle. */
function circles() {
  let index = 0;
  const order = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (v) => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), order.get(w)));
    }
    if (low.get(v) !== order.get(v)) return;
    const component = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) found.push(component);
  };
  for (const v of edges.keys()) if (!order.has(v)) visit(v);
  return found;
}

const problems = [];
for (const circle of circles()) {
  problems.push(`import circle: ${circle.map((f) => relative(root, f)).join(' ↔ ')}`);
}
for (const file of sources) {
  const name = relative(root, file);
  const lines = readFileSync(file, 'utf8').split('\n').length - 1;
  const component = file.endsWith('.svelte');
  const limit = component ? MAX_COMPONENT_LINES : MAX_MODULE_LINES;
  if (lines > limit && !TABLES.test(name) && !/\.test\.ts$/.test(name)) {
    problems.push(
      `${name}: ${lines} lines (a ${component ? 'component' : 'module'} stays ≤ ${limit})`,
    );
  }
}
/** The button classes a component's markup uses, and its style's rules. */
const LOOKS = /\b(background|border|color|padding|font|border-radius|box-shadow)\s*:/;
for (const file of sources.filter((f) => f.endsWith('.svelte'))) {
  const name = relative(root, file);
  const text = readFileSync(file, 'utf8');
  const style = /<style>([\s\S]*?)<\/style>/.exec(text)?.[1] ?? '';
  const markup = text.replace(/<style>[\s\S]*?<\/style>/, '');
  const buttonClasses = new Set(
    [...markup.matchAll(/<button\b[^>]*?\sclass="([^"{]*)"/g)].flatMap((m) => m[1].split(/\s+/)),
  );
  for (const rule of style.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const selector = rule[1].trim();
    const body = rule[2];
    const restyled =
      /(^|[\s,>+~(])button\b/.test(selector) ||
      [...buttonClasses].some((c) => c && new RegExp(`\\.${c}\\b`).test(selector));
    if (restyled && LOOKS.test(body)) {
      problems.push(`${name}: "${selector}" restyles a button (app.css gives buttons their look)`);
    }
    if (/#[0-9a-f]{3,8}\b/i.test(body) && !/^(\.screen|canvas)/.test(selector)) {
      problems.push(`${name}: "${selector}" writes a colour (use app.css's custom properties)`);
    }
  }
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`check-structure: ${sources.length} files, no import circle, none too long`);
