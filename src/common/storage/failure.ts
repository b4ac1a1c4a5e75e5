// Why the browser refused a write to its storage, told so the user can act: its quota (storage
// full for this site), or another refusal, by the browser's own name for it. Browsers give a
// QuotaExceededError an empty message, so the name is what is read; the figures come from the
// caller (what was written, what was needed, what the browser estimated). Pure.
import { RpcError, type RpcFailure } from '../rpc/rpc';

export type StorageRefusal = 'quota' | 'refused';

/** A write to storage that failed after `written` bytes went through. Crosses workers whole. */
export class StorageWriteError extends Error {
  override name = 'StorageWriteError';
  constructor(
    /** The browser's name for the failure (QuotaExceededError, UnknownError, …). */
    readonly browserName: string,
    readonly written: number,
  ) {
    super(`${browserName} after ${written} bytes`);
  }

  get refusal(): StorageRefusal {
    return refusalOf(this.browserName, '');
  }

  /** `error` as a StorageWriteError: kept if it is one, else named from the browser's exception. */
  static from(error: unknown, written: number): StorageWriteError {
    if (error instanceof StorageWriteError) return error;
    const name =
      error instanceof Error || error instanceof DOMException ? error.name || 'Error' : 'Error';
    const quota = /quota/i.test(error instanceof Error ? error.message : String(error));
    return new StorageWriteError(quota ? 'QuotaExceededError' : name, written);
  }

  /** For a worker's RPC failure; `fromFailure` reads it back on the page. */
  toFailure(): RpcFailure {
    return {
      code: 'storage',
      message: this.message,
      detail: { name: this.browserName, written: this.written },
    };
  }

  static fromFailure(error: unknown): StorageWriteError | null {
    if (!(error instanceof RpcError) || error.code !== 'storage') return null;
    const detail = error.detail as { name?: unknown; written?: unknown } | undefined;
    const name = typeof detail?.name === 'string' ? detail.name.slice(0, 64) : 'Error';
    const written = typeof detail?.written === 'number' ? Math.max(0, detail.written) : 0;
    return new StorageWriteError(name, written);
  }
}

function refusalOf(name: string, message: string): StorageRefusal {
  return name === 'QuotaExceededError' || /quota/i.test(message) ? 'quota' : 'refused';
}

/**
 * The storage refusal behind `error`, if it is one: a quota error, or another DOMException a
 * storage API threw (UnknownError when the disk fails, InvalidStateError, …), with its name.
 */
export function storageRefusalOf(error: unknown): { kind: StorageRefusal; name: string } | null {
  if (error instanceof StorageWriteError) return { kind: error.refusal, name: error.browserName };
  if (error instanceof DOMException) {
    return { kind: refusalOf(error.name, error.message), name: error.name };
  }
  if (error instanceof Error && /quota/i.test(error.message)) {
    return { kind: 'quota', name: 'QuotaExceededError' };
  }
  return null;
}

/**
 * Room to leave when deciding whether a file fits: browsers refuse writes before the estimate
 * says they will (a private window keeps everything in memory and allows far less; the estimate
 * counts what is free on the disk as if it all were the lab's). A twentieth of the quota, at
 * least 64 MB, at most 1 GB.
 */
export function storageReserve(quota: number): number {
  return Math.min(2 ** 30, Math.max(64 * 2 ** 20, quota / 20));
}
