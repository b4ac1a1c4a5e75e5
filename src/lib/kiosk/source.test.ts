import { describe, expect, it } from 'vitest';
import { readKioskSource, type KioskMemory } from './source';

function memory(initial: string | null = null): KioskMemory & { value: string | null } {
  return {
    value: initial,
    read() {
      return this.value;
    },
    write(raw) {
      this.value = raw;
    },
  };
}

const answer =
  (body: string, init: ResponseInit = {}): typeof fetch =>
  () =>
    Promise.resolve(new Response(body, init));
const json = { headers: { 'content-type': 'application/json' } };

describe('readKioskSource', () => {
  it('a 404 or the server page in its place means no kiosk', async () => {
    expect(await readKioskSource(answer('', { status: 404 }), memory())).toEqual({
      kind: 'absent',
    });
    const html = { headers: { 'content-type': 'text/html; charset=utf-8' } };
    expect(await readKioskSource(answer('<!doctype html>', html), memory())).toEqual({
      kind: 'absent',
    });
  });

  it('reads a valid file whatever type the server gives it', async () => {
    const plain = { headers: { 'content-type': 'text/plain' } };
    const source = await readKioskSource(answer('{"enabled":true,"pin":"2468"}', plain), memory());
    expect(source).toMatchObject({ kind: 'config', config: { enabled: true, pin: '2468' } });
  });

  it.each([
    ['bad JSON', '{"enabled": true,', /not valid JSON/],
    ['a wrong type', '{"idleMinutes": "5"}', /^idleMinutes: must be a number/],
    ['an unknown value', '{"golden": "latest"}', /^golden: must be "boot"/],
    ['an unknown key', '{"idle": 5}', /^idle: is not a setting/],
    ['a tiny idle time', '{"idleMinutes": 1e-7}', /^idleMinutes: must be at least/],
    ['too large a file', `{"x":"${'a'.repeat(70_000)}"}`, /larger than/],
  ])('a file with %s is broken, with the reason', async (_, body, reason) => {
    const source = await readKioskSource(answer(body, json), memory());
    expect(source.kind).toBe('broken');
    if (source.kind === 'broken') expect(source.reason).toMatch(reason);
  });

  it('a server error is broken, not absent', async () => {
    const source = await readKioskSource(answer('oops', { status: 500 }), memory());
    expect(source).toEqual({
      kind: 'broken',
      reason: 'the server answered HTTP 500',
      fallback: null,
    });
  });

  it('with no server, the last usable answer stands in; with none, it is broken', async () => {
    const unreachable: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const kept = memory();
    await readKioskSource(answer('{"enabled":true,"fontSize":30}', json), kept);
    expect(await readKioskSource(unreachable, kept)).toMatchObject({
      kind: 'config',
      config: { enabled: true, fontSize: 30 },
    });
    const wasAbsent = memory();
    await readKioskSource(answer('', { status: 404 }), wasAbsent);
    expect(await readKioskSource(unreachable, wasAbsent)).toEqual({ kind: 'absent' });
    expect(await readKioskSource(unreachable, memory())).toMatchObject({
      kind: 'broken',
      reason: /could not be fetched: Failed to fetch/,
    });
  });

  it('a broken answer keeps the remembered settings as its fallback; tampered memory is not trusted', async () => {
    const kept = memory();
    await readKioskSource(answer('{"enabled":true,"pin":"2468"}', json), kept);
    const broken = await readKioskSource(answer('{"enabled":', json), kept);
    expect(broken).toMatchObject({ kind: 'broken', fallback: { enabled: true, pin: '2468' } });
    expect(kept.value).toBe('{"enabled":true,"pin":"2468"}');
    const unreachable: typeof fetch = () => Promise.reject(new TypeError('offline'));
    expect((await readKioskSource(unreachable, memory('{"idleMinutes":0}'))).kind).toBe('broken');
  });

  it('a server that never answers is broken after the limit', async () => {
    const hanging: typeof fetch = (_, init) =>
      new Promise((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error)),
      );
    const started = Date.now();
    const source = await readKioskSource(hanging, memory(), 50);
    expect(source).toMatchObject({ kind: 'broken', reason: /no answer within 0.05 s/ });
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
