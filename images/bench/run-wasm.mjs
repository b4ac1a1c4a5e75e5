#!/usr/bin/env node
// Runs the wasm build of aula-bench in Node and prints the same lines as the i386 binary:
//   aula-bench: <name> sum=<hex> ns=<decimal>
// Usage: run-wasm.mjs <aula-bench.wasm> [workload|all]
// Also a module: runWasmWorkloads() for npm run bench.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const WORKLOADS = ['int', 'mem', 'float', 'sys'];

/** Runs the chosen workloads once each; returns [{ name, sum, ns }]. */
export async function runWasmWorkloads(bytes, which = 'all') {
  let mask = 0;
  const imports = {
    env: {
      // The program's "system call" on the host: a call from WebAssembly into JavaScript.
      umask(next) {
        const previous = mask;
        mask = next;
        return previous;
      },
    },
  };
  const { instance } = await WebAssembly.instantiate(bytes, imports);
  const results = [];
  for (const [id, name] of WORKLOADS.entries()) {
    if (which !== 'all' && which !== name) continue;
    const start = process.hrtime.bigint();
    const sum = instance.exports.run(id, 1) >>> 0;
    const ns = Number(process.hrtime.bigint() - start);
    results.push({ name, sum: sum.toString(16).padStart(8, '0'), ns });
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, which = 'all'] = process.argv.slice(2);
  for (const r of await runWasmWorkloads(readFileSync(file), which)) {
    console.log(`aula-bench: ${r.name} sum=${r.sum} ns=${r.ns}`);
  }
}
