import { describe, expect, it } from 'vitest';
import { RpcError } from '../rpc/rpc';
import { storageRefusalOf, storageReserve, StorageWriteError } from './failure';

describe('why the browser refused a write', () => {
  it('reads a quota error by its name, though its message is empty', () => {
    expect(storageRefusalOf(new DOMException('', 'QuotaExceededError'))).toEqual({
      kind: 'quota',
      name: 'QuotaExceededError',
    });
  });
  it('names any other refusal of the browser', () => {
    expect(storageRefusalOf(new DOMException('Internal error.', 'UnknownError'))).toEqual({
      kind: 'refused',
      name: 'UnknownError',
    });
  });
  it('is not a storage refusal when it is something else', () => {
    expect(storageRefusalOf(new TypeError('x is undefined'))).toBeNull();
    expect(storageRefusalOf('boom')).toBeNull();
  });
  it('keeps the name and the bytes written across a worker', () => {
    const original = StorageWriteError.from(new DOMException('', 'QuotaExceededError'), 4096);
    const failure = original.toFailure();
    const crossed = StorageWriteError.fromFailure(
      new RpcError(failure.code, failure.message, failure.detail),
    );
    expect(crossed).toMatchObject({ browserName: 'QuotaExceededError', written: 4096 });
    expect(crossed!.refusal).toBe('quota');
    expect(StorageWriteError.fromFailure(new RpcError('failed', 'x'))).toBeNull();
  });
  it('leaves room below the estimate, within bounds', () => {
    expect(storageReserve(100 * 2 ** 20)).toBe(64 * 2 ** 20);
    expect(storageReserve(10 * 2 ** 30)).toBe(512 * 2 ** 20);
    expect(storageReserve(100 * 2 ** 30)).toBe(2 ** 30);
  });
});
