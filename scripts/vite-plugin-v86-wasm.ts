// `import wasmUrl from 'virtual:v86-wasm'`: the URL of v86's WebAssembly. In a build it is emitted
// gzipped (2.1 MB -> ~0.4 MB on the wire whatever the web server does); the page gunzips it while
// compiling (src/lib/vm/wasm.ts). In dev it is the plain file.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const ID = 'virtual:v86-wasm';
const RESOLVED = '\0' + ID;

export function v86Wasm(): Plugin {
  const wasmPath = createRequire(import.meta.url).resolve('v86/build/v86.wasm');
  let serve = false;
  return {
    name: 'aula86:v86-wasm',
    configResolved(config) {
      serve = config.command === 'serve';
    },
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      if (serve) return `export default ${JSON.stringify('/@fs' + wasmPath)};`;
      const ref = this.emitFile({
        type: 'asset',
        name: 'v86.wasm.gz',
        // mtime 0 and level 9: the same bytes on every build.
        source: gzipSync(readFileSync(wasmPath), { level: 9 }),
      });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
    // Start the download before any script runs; the page's fetch() then finds it in the cache.
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const asset = Object.values(ctx.bundle ?? {}).find((f) => f.name === 'v86.wasm.gz');
        if (!asset) return [];
        return [preloadTag(asset.fileName)];
      },
    },
  };
}

/** A <link rel=preload> that a same-origin fetch() with default options will reuse. */
export function preloadTag(href: string) {
  return {
    tag: 'link',
    attrs: { rel: 'preload', href, as: 'fetch', crossorigin: '' },
    injectTo: 'head' as const,
  };
}
