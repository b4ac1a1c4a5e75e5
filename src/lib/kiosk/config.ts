// Kiosk mode's settings: kiosk.json next to the deployed files (docs/deployment.md), read
// strictly so a typo is reported instead of silently ignored.

export interface KioskConfig {
  /** Kiosk mode without ?kiosk in the address (a classroom deployment). */
  enabled: boolean;
  /** What every reset brings back: the pre-booted state, or a named snapshot. */
  golden: { kind: 'boot' } | { kind: 'snapshot'; name: string };
  /** Minutes without a key or a click before the reset countdown starts. */
  idleMinutes: number;
  /** Seconds the countdown lasts; any key or click cancels it. */
  countdownSeconds: number;
  /** The teacher's PIN (digits); null: no unlock. */
  pin: string | null;
  /** Terminal font size in kiosk mode, px. */
  fontSize: number;
}

export const DEFAULT_KIOSK: KioskConfig = {
  enabled: false,
  golden: { kind: 'boot' },
  idleMinutes: 10,
  countdownSeconds: 30,
  pin: null,
  fontSize: 22,
};

export class KioskConfigError extends Error {
  override name = 'KioskConfigError';
}

const KEYS = ['enabled', 'golden', 'idleMinutes', 'countdownSeconds', 'pin', 'fontSize'];

export function parseKioskConfig(raw: unknown): KioskConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new KioskConfigError('kiosk.json must hold a JSON object');
  }
  const o = raw as Record<string, unknown>;
  const unknown = Object.keys(o).filter((k) => !KEYS.includes(k));
  if (unknown.length) throw new KioskConfigError(`unknown setting ${unknown.join(', ')}`);
  const config = { ...DEFAULT_KIOSK };
  if (o['enabled'] !== undefined) {
    if (typeof o['enabled'] !== 'boolean')
      throw new KioskConfigError('enabled must be true or false');
    config.enabled = o['enabled'];
  }
  const golden = o['golden'];
  if (golden !== undefined) {
    if (golden === 'boot') config.golden = { kind: 'boot' };
    else if (
      typeof golden === 'object' &&
      golden !== null &&
      typeof (golden as { snapshot?: unknown }).snapshot === 'string' &&
      (golden as { snapshot: string }).snapshot.trim() !== ''
    ) {
      config.golden = { kind: 'snapshot', name: (golden as { snapshot: string }).snapshot.trim() };
    } else {
      throw new KioskConfigError('golden must be "boot" or { "snapshot": "<name>" }');
    }
  }
  const positive = (key: 'idleMinutes' | 'countdownSeconds' | 'fontSize', max: number) => {
    const v = o[key];
    if (v === undefined) return;
    if (typeof v !== 'number' || !(v > 0) || v > max) {
      throw new KioskConfigError(`${key} must be a number above 0 and at most ${max}`);
    }
    config[key] = v;
  };
  positive('idleMinutes', 24 * 60);
  positive('countdownSeconds', 600);
  positive('fontSize', 64);
  const pin = o['pin'];
  if (pin !== undefined && pin !== null) {
    if (typeof pin !== 'string' || !/^\d{4,12}$/.test(pin)) {
      throw new KioskConfigError('pin must be a string of 4 to 12 digits');
    }
    config.pin = pin;
  }
  return config;
}
