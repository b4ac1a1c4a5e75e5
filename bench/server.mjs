// A small static file server for the benchmark: the built app at /, the bare v86 page at /bare/.
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { resolveRequest } from './paths.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/** @param {Record<string, string>} mounts URL prefix -> folder, longest prefix wins */
export function startServer(mounts, port = 0) {
  const server = createServer((req, res) => {
    const request = resolveRequest(mounts, req.url ?? '/');
    if (request.status !== 200) return void res.writeHead(request.status).end();
    let file = request.file;
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const { size } = statSync(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': size,
        'cache-control': 'no-cache',
      });
      createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}
