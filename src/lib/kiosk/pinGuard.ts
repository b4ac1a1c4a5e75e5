// The teacher's PIN, guarded against guessing: after a few wrong tries each further try waits
// longer (5 s, 10 s, 20 s … up to 5 minutes). The count survives a reload, so reloading the page
// does not buy a student fresh tries. Pure and clock-injected.

export const FREE_TRIES = 3;
const FIRST_WAIT_MS = 5000;
const MAX_WAIT_MS = 5 * 60_000;

export interface PinAttempts {
  failures: number;
  /** Epoch ms before which no try is taken. */
  blockedUntil: number;
}

export interface AttemptStore {
  read(): PinAttempts | null;
  write(attempts: PinAttempts): void;
}

export type PinCheck = 'ok' | 'wrong' | { waitMs: number };

/** How long the next try waits after `failures` wrong ones. */
export function waitAfter(failures: number): number {
  if (failures < FREE_TRIES) return 0;
  return Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (failures - FREE_TRIES));
}

export class PinGuard {
  #attempts: PinAttempts;

  constructor(
    private readonly pin: string | null,
    private readonly store: AttemptStore,
    private readonly now: () => number = Date.now,
  ) {
    this.#attempts = sane(safeRead(store)) ?? { failures: 0, blockedUntil: 0 };
  }

  /** Ms before a try is taken (0: now). */
  waitMs(): number {
    return Math.max(0, this.#attempts.blockedUntil - this.now());
  }

  check(entered: string): PinCheck {
    const waitMs = this.waitMs();
    if (waitMs > 0) return { waitMs };
    if (this.pin !== null && entered === this.pin) {
      this.#save({ failures: 0, blockedUntil: 0 });
      return 'ok';
    }
    const failures = this.#attempts.failures + 1;
    this.#save({ failures, blockedUntil: this.now() + waitAfter(failures) });
    return 'wrong';
  }

  #save(attempts: PinAttempts): void {
    this.#attempts = attempts;
    try {
      this.store.write(attempts);
    } catch {
      // storage refused: the count still holds for this page
    }
  }
}

function safeRead(store: AttemptStore): unknown {
  try {
    return store.read();
  } catch {
    return null;
  }
}

/** A stored count, if it is one (storage is not trusted: bounded, or ignored). */
function sane(raw: unknown): PinAttempts | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { failures, blockedUntil } = raw as Record<string, unknown>;
  if (!Number.isSafeInteger(failures) || (failures as number) < 0) return null;
  if (typeof blockedUntil !== 'number' || !Number.isFinite(blockedUntil)) return null;
  const f = Math.min(failures as number, 1000);
  // Never more than the longest wait from now, whatever was stored.
  return { failures: f, blockedUntil: Math.min(blockedUntil, Date.now() + MAX_WAIT_MS) };
}

/** localStorage as an AttemptStore. */
export function localAttemptStore(key = 'aula86:kiosk-pin'): AttemptStore {
  return {
    read: () => JSON.parse(localStorage.getItem(key) ?? 'null') as PinAttempts | null,
    write: (attempts) => localStorage.setItem(key, JSON.stringify(attempts)),
  };
}
