// What the lab's address asks for (?machines=2, ?autostart=0, ?boot=cold, ?profile=ID, ?kiosk,
// ?lang=es, ?tool=network), read strictly: a value not understood is named in `problems` (the lab shows a
// notice) and the safe reading is used; kiosk mode fails closed. Pure.
import { MAX_MACHINES } from './capacity';
import { toolFromSearch, type ToolId } from '../workspace/layout';

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
  /** The tool the address opens (?tool=network; null: the remembered one). */
  tool: ToolId | null;
  /** Parameters whose value (or name) was not understood, as the address had them. */
  problems: Array<{ name: string; value: string }>;
}

const KNOWN = new Set(['machines', 'autostart', 'boot', 'kiosk', 'profile', 'lang', 'tool']);
const YES = new Set(['', '1', 'true', 'on', 'yes']);
const NO = new Set(['0', 'false', 'off', 'no']);

export function parseLabParams(search: string): LabParams {
  const params = new URLSearchParams(search);
  const problems: LabParams['problems'] = [];
  const bad = (name: string, value: string) => problems.push({ name, value: value.slice(0, 80) });
  for (const name of new Set(params.keys())) if (!KNOWN.has(name)) bad(name, params.get(name)!);

  let machines = 1;
  const asked = params.get('machines');
  if (asked !== null) {
    const n = /^\d{1,3}$/.test(asked) ? Number(asked) : NaN;
    if (n >= 1 && n <= MAX_MACHINES) machines = n;
    else {
      bad('machines', asked);
      if (n > MAX_MACHINES) machines = MAX_MACHINES;
    }
  }

  const flag = (name: string, absent: boolean, unclear: boolean): boolean => {
    const value = params.get(name);
    if (value === null) return absent;
    if (YES.has(value)) return true;
    if (NO.has(value)) return false;
    bad(name, value);
    return unclear;
  };
  const autostart = flag('autostart', true, true);
  // A kiosk asked for with a value not understood is a kiosk: access gates fail closed.
  const kiosk = flag('kiosk', false, true);

  const boot = params.get('boot');
  if (boot !== null && boot !== 'cold' && boot !== 'state') bad('boot', boot);

  const asking = params.get('profile');
  const profile = asking !== null && /^[a-z0-9][a-z0-9-]{0,63}$/.test(asking) ? asking : null;
  if (asking !== null && profile === null) bad('profile', asking);

  const lang = params.get('lang');
  if (lang !== null && lang !== 'es' && lang !== 'en') bad('lang', lang);

  const { tool, bad: badTool } = toolFromSearch(search);
  if (badTool !== null) bad('tool', badTool);

  return { machines, autostart, cold: boot === 'cold', kiosk, profile, tool, problems };
}
