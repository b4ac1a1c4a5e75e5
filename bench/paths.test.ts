import { describe, expect, it } from 'vitest';
import { resolveRequest } from './paths.mjs';

const mounts = { '/': '/srv/dist', '/bare/': '/srv/bare' };

describe('resolveRequest', () => {
  it('maps a path to a file under the longest matching prefix', () => {
    expect(resolveRequest(mounts, '/images/bzImage?x=1')).toEqual({
      status: 200,
      file: '/srv/dist/images/bzImage',
    });
    expect(resolveRequest(mounts, '/bare/index.html')).toEqual({
      status: 200,
      file: '/srv/bare/index.html',
    });
  });
  it('answers a malformed URL with 400, not a crash', () => {
    expect(resolveRequest(mounts, '/%E0%A4%A')).toEqual({ status: 400 });
    expect(resolveRequest(mounts, '/a%00b')).toEqual({ status: 400 });
  });
  it('never leaves the folder, not even for a sibling whose name starts the same', () => {
    expect(resolveRequest(mounts, '/..%2f..%2fetc/passwd').status).toBe(403);
    expect(resolveRequest({ '/': '/srv/dist' }, '/..%2fdist-secret/key')).toEqual({
      status: 403,
    });
  });
});
