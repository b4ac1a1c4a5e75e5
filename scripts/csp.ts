// The Content-Security-Policy of the built page: everything from its own origin only. The two
// allowances beyond 'self', each needed (docs/deployment.md):
// - 'wasm-unsafe-eval': v86 compiles its own WebAssembly and, with its JIT, the wasm it
//   translates guest code into; without it no guest runs.
// - style-src 'unsafe-inline': xterm.js themes and sizes its terminal through <style> elements
//   it writes at run time (and Svelte's style: directive sets style attributes); no script
//   can run through a style.
// Workers are our own files (v86's blob: helper worker is never started: emulator.worker.ts).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self'",
  "connect-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
