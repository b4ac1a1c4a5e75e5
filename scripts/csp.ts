// The Content-Security-Policy of the built page: everything from its own origin only. v86 needs
// 'wasm-unsafe-eval' (it compiles its own wasm and, with the JIT, the code it translates);
// xterm.js writes its styles into <style> elements, hence 'unsafe-inline' for styles only.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
