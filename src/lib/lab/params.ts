// What the lab's address asks for (?machines=2, ?autostart=0, ?boot=cold, ?profile=ID, ?kiosk).
// Pure.
import { MAX_MACHINES } from './capacity';

export interface LabParams {
  /** Machines to open with (1 unless ?machines=N, 1…MAX_MACHINES). */
  machines: number;
  /** Power the machines on at once (?autostart=0: wait for Start). */
  autostart: boolean;
  /** Boot from the BIOS instead of the pre-booted state (?boot=cold). */
  cold: boolean;
  /** Kiosk mode asked for in the address. */
  kiosk: boolean;
  /** The guest profile the machines open with (?profile=tiny-screen; null: the default). */
  profile: string | null;
}

export function parseLabParams(search: string): LabParams {
  const params = new URLSearchParams(search);
  const asked = Number(params.get('machines') ?? '1');
  const machines = Number.isInteger(asked) ? Math.min(MAX_MACHINES, Math.max(1, asked)) : 1;
  return {
    machines,
    autostart: params.get('autostart') !== '0',
    cold: params.get('boot') === 'cold',
    kiosk: params.has('kiosk'),
    profile: /^[a-z0-9][a-z0-9-]{0,63}$/.test(params.get('profile') ?? '')
      ? params.get('profile')
      : null,
  };
}
