import { describe, expect, it, vi } from 'vitest';
import { askedGuest, paramsNotice } from './asked';

describe('what the address asked for', () => {
  it('names the parameters it did not understand, or says nothing', () => {
    expect(paramsNotice([])).toBeNull();
    expect(
      paramsNotice([
        { name: 'kiosk', value: 'nope' },
        { name: 'lang', value: 'fr' },
      ]),
    ).toMatchObject({
      tone: 'error',
      key: 'lab.error.params',
      params: { params: 'kiosk=nope, lang=fr' },
    });
  });

  it('gives a guest the lab has, reading the user guests first for a user- id', async () => {
    const load = vi.fn(() => Promise.resolve());
    const guests = { hasProfile: (id: string) => Promise.resolve(id === 'user-abc') };
    expect(await askedGuest('user-abc', guests, load)).toEqual({ id: 'user-abc', notice: null });
    expect(load).toHaveBeenCalledOnce();
    expect(await askedGuest('tiny', { hasProfile: () => Promise.resolve(true) }, load)).toEqual({
      id: 'tiny',
      notice: null,
    });
    expect(load).toHaveBeenCalledOnce();
  });

  it('says when it does not have the guest, and the default one starts', async () => {
    const none = { hasProfile: () => Promise.resolve(false) };
    expect(await askedGuest('user-gone', none, () => Promise.resolve())).toMatchObject({
      id: undefined,
      notice: { key: 'lab.error.noSuchGuest', params: { id: 'user-gone' } },
    });
  });
});
