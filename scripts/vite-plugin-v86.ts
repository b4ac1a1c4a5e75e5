// `import { wasmUrl, libraryUrl } from 'virtual:v86'`: the URLs of v86's WebAssembly and of its
// JS library. The wasm is emitted gzipped (2.1 MB -> ~0.4 MB on the wire whatever the web server
// does); the emulator worker fetches it and gunzips it while compiling (src/worker/emulator/wasm.ts). The
// library is emitted exactly as npm ships it, not re-bundled: the same bytes a bare v86 page runs.
// In dev both are the plain files.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const ID = 'virtual:v86';
const RESOLVED = '\0' + ID;

export function v86Wasm(): Plugin {
  const require = createRequire(import.meta.url);
  const wasmPath = require.resolve('v86/build/v86.wasm');
  const libraryPath = require.resolve('v86/build/libv86.mjs');
  let serve = false;
  return {
    name: 'aula86:v86',
    configResolved(config) {
      serve = config.command === 'serve';
    },
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      if (serve) {
        return `export const wasmUrl = ${JSON.stringify('/@fs' + wasmPath)};
export const libraryUrl = ${JSON.stringify('/@fs' + libraryPath)};`;
      }
      const wasm = this.emitFile({
        type: 'asset',
        name: 'v86.wasm.gz',
        // mtime 0 and level 9: the same bytes on every build.
        source: gzipSync(readFileSync(wasmPath), { level: 9 }),
      });
      const library = this.emitFile({
        type: 'asset',
        name: 'libv86.mjs',
        source: readFileSync(libraryPath),
      });
      return `export const wasmUrl = import.meta.ROLLUP_FILE_URL_${wasm};
export const libraryUrl = import.meta.ROLLUP_FILE_URL_${library};`;
    },
  };
}
