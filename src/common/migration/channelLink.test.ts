import { afterEach, describe, expect, it } from 'vitest';
import { channelLink, MAX_FORWARDED, readMessage } from './channelLink';
import type { MigrationLink, MigrationMessage } from './protocol';

const opened: MigrationLink[] = [];
afterEach(() => opened.splice(0).forEach((l) => l.close()));

describe('readMessage', () => {
  it('passes the messages of the protocol', () => {
    const pages = { kind: 'pages', round: 0, pages: Uint32Array.of(1), data: new Uint8Array(4096) };
    const read = readMessage(pages);
    expect(read).toEqual(pages);
    expect((read as typeof pages).data).toBe(pages.data); // the bytes are not copied
    expect(readMessage({ kind: 'resumed', at: 1.5 })).toEqual({ kind: 'resumed', at: 1.5 });
    const hashes = new Uint8Array(32 * 8);
    expect(readMessage({ kind: 'listening', hashes })).toEqual({ kind: 'listening', hashes });
    expect(readMessage({ kind: 'listening', hashes: null })).toEqual({
      kind: 'listening',
      hashes: null,
    });
    const frames = { kind: 'frames', frames: [new Uint8Array(60), new Uint8Array(1514)] };
    expect(readMessage(frames)).toEqual(frames);
  });

  it('turns anything else into an abort naming the fault', () => {
    const reason = (raw: unknown) => {
      const read = readMessage(raw);
      return read.kind === 'abort' ? read.reason : `passed as ${read.kind}`;
    };
    expect(reason({ kind: 'pages', round: -1, pages: [], data: 'x' })).toMatch(/malformed.*round/);
    expect(reason('hello')).toMatch(/malformed/);
    expect(reason({ kind: 'resumed', at: Number.NaN })).toMatch(/malformed/);
    expect(reason({ kind: 'frames', frames: [new Uint8Array(70_000)] })).toMatch(/too large/);
    const many = Array.from({ length: MAX_FORWARDED + 1 }, () => new Uint8Array(60));
    expect(reason({ kind: 'frames', frames: many })).toMatch(/malformed/);
    expect(reason({ kind: 'frames', frames: ['x'] })).toMatch(/malformed/);
    expect(reason({ kind: 'abort', reason: 'x'.repeat(10_000) })).toMatch(/malformed/);
    expect(reason({ kind: 'listening' })).toMatch(/malformed/);
    expect(reason({ kind: 'listening', hashes: [1, 2] })).toMatch(/malformed/);
  });
});

describe('channelLink', () => {
  it('carries messages between two ends of one name, checked', async () => {
    const a = channelLink('aula86-test-link');
    const b = channelLink('aula86-test-link');
    opened.push(a, b);
    const heard = new Promise<MigrationMessage[]>((resolve) => {
      const got: MigrationMessage[] = [];
      b.listen((m) => {
        got.push(m);
        if (got.length === 2) resolve(got);
      });
    });
    a.send({ kind: 'received', round: 3 });
    (a as unknown as { send: (m: unknown) => void }).send({ kind: 'received', round: 'three' });
    const [good, bad] = await heard;
    expect(good).toEqual({ kind: 'received', round: 3 });
    expect(bad).toMatchObject({ kind: 'abort' });
  });
});
