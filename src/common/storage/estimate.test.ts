import { afterEach, describe, expect, it, vi } from 'vitest';
import { estimateStorage } from './estimate';

const browserSays = (estimate: () => Promise<StorageEstimate>) =>
  vi.stubGlobal('navigator', { storage: { estimate } });

describe('estimateStorage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('gives usage, quota and what is free', async () => {
    browserSays(() => Promise.resolve({ usage: 300, quota: 1000 }));
    expect(await estimateStorage()).toEqual({ usage: 300, quota: 1000, free: 700 });
  });

  it('never says less than nothing is free (usage over quota)', async () => {
    browserSays(() => Promise.resolve({ usage: 1200, quota: 1000 }));
    expect((await estimateStorage())?.free).toBe(0);
  });

  it('is null when the browser gives no quota, fails, or has no API', async () => {
    browserSays(() => Promise.resolve({ usage: 5 }));
    expect(await estimateStorage()).toBeNull();
    browserSays(() => Promise.reject(new Error('SecurityError')));
    expect(await estimateStorage()).toBeNull();
    vi.stubGlobal('navigator', {});
    expect(await estimateStorage()).toBeNull();
  });
});
