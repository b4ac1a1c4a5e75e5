// Which file a request names, for the bench's static server: decoded safely, and never outside
// the folder it is served from.
import { isAbsolute, join, relative, resolve } from 'node:path';

/**
 * @param {Record<string, string>} mounts URL prefix -> folder, longest prefix wins
 * @param {string} url the request's URL (path and query)
 * @returns {{ status: 200, file: string } | { status: 400 | 403 | 404 }}
 */
export function resolveRequest(mounts, url) {
  let path;
  try {
    path = decodeURIComponent(new URL(url, 'http://x').pathname);
  } catch {
    return { status: 400 };
  }
  if (path.includes('\0')) return { status: 400 };
  const prefix = Object.keys(mounts)
    .sort((a, b) => b.length - a.length)
    .find((p) => path.startsWith(p));
  if (prefix === undefined) return { status: 404 };
  const root = resolve(mounts[prefix]);
  const file = resolve(join(root, path.slice(prefix.length)));
  const inside = relative(root, file);
  if (inside.startsWith('..') || isAbsolute(inside)) return { status: 403 };
  return { status: 200, file };
}
