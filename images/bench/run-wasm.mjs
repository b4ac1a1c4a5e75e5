#!/usr/bin/env node
// Runs the wasm build of aula-bench in Node and prints the same lines as the i386 binary:
//   aula-bench: <name> sum=<hex> ns=<decimal>
// Usage: run-wasm.mjs <aula-bench.wasm> [workload|all] [scale]
import { readFileSync } from 'node:fs';

const [file, which = 'all', scaleText = '1'] = process.argv.slice(2);
const names = ['int', 'mem', 'float', 'sys'];
let mask = 0;
const imports = {
  env: {
    umask(next) {
      const previous = mask;
      mask = next;
      return previous;
    },
  },
};
const { instance } = await WebAssembly.instantiate(readFileSync(file), imports);
for (const [id, name] of names.entries()) {
  if (which !== 'all' && which !== name) continue;
  const start = process.hrtime.bigint();
  const sum = instance.exports.run(id, Number(scaleText)) >>> 0;
  const ns = process.hrtime.bigint() - start;
  console.log(`aula-bench: ${name} sum=${sum.toString(16).padStart(8, '0')} ns=${ns}`);
}
