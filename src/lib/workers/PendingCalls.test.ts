import { describe, expect, it } from 'vitest';
import { PendingCalls } from './PendingCalls';

describe('PendingCalls', () => {
  it('settles each call by its id, once', async () => {
    const calls = new PendingCalls<string>();
    const a = calls.open();
    const b = calls.open();
    expect(a.id).not.toBe(b.id);
    calls.resolve(b.id, 'second');
    calls.reject(a.id, new Error('first failed'));
    await expect(b.reply).resolves.toBe('second');
    await expect(a.reply).rejects.toThrow('first failed');
    expect(calls.size).toBe(0);
    // A late duplicate reply is ignored: it settles no other call.
    const c = calls.open();
    calls.resolve(b.id, 'again');
    calls.reject(a.id, new Error('again'));
    expect(calls.size).toBe(1);
    calls.resolve(c.id, 'third');
    await expect(c.reply).resolves.toBe('third');
  });

  it('rejects every open call when the worker dies', async () => {
    const calls = new PendingCalls<number>();
    const a = calls.open();
    const b = calls.open();
    calls.rejectAll(new Error('worker failed'));
    await expect(a.reply).rejects.toThrow('worker failed');
    await expect(b.reply).rejects.toThrow('worker failed');
    expect(calls.size).toBe(0);
  });
});
