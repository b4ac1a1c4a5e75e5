// A lab's layout: its switches and its machines (name, guest profile, card's MAC, where the
// cable goes). What a lab snapshot records, and what kiosk.json may ask for. Read with one
// valibot schema, then checked as a whole: every switch a card names exists, MACs and names
// are unique, and there are not more machines than a lab holds.
import * as v from 'valibot';
import { describeIssues } from '../../common/schema/validate';
import { parseSubnet } from './addresses';
import type { LanSettings } from './Lan.svelte';

export interface MachineLayout {
  name: string;
  /** The guest profile (its card's kind comes with it). */
  profile: string;
  mac: string;
  /** Its memory, MB, when the user gave it more than its profile's (absent: the profile's). */
  memoryMb?: number;
  /** A switch's name, 'trunk' (every switch, tagged: the router) or null (unplugged). */
  lan: string | null;
  linkUp: boolean;
}

export interface LabLayout {
  lans: LanSettings[];
  machines: MachineLayout[];
}

export class LayoutError extends Error {
  override name = 'LayoutError';
}

const name = (max: number, pattern: RegExp, what: string) =>
  v.pipe(v.string('must be a string'), v.maxLength(max), v.regex(pattern, `must be ${what}`));

const LanSchema = v.object({
  name: name(20, /^[A-Za-z0-9-]+$/, 'letters, digits and "-"'),
  subnet: v.pipe(
    v.string('must be a string'),
    v.maxLength(18),
    v.check((s) => parseSubnet(s) !== null, 'must be a subnet like 10.0.1.0/24'),
  ),
  dhcp: v.optional(v.boolean('must be true or false'), true),
});

const MachineSchema = v.object({
  name: name(63, /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, 'a host name (a-z, 0-9, "-")'),
  profile: name(64, /^[A-Za-z0-9._-]+$/, 'a profile id'),
  mac: v.pipe(
    v.string('must be a string'),
    v.toLowerCase(),
    v.regex(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/, 'must be a MAC address like 02:86:00:00:00:01'),
    v.check((mac) => (parseInt(mac.slice(0, 2), 16) & 1) === 0, 'must be a unicast address'),
  ),
  memoryMb: v.optional(
    v.pipe(
      v.number('must be a number'),
      v.safeInteger('must be a whole number'),
      v.minValue(16, 'must be at least 16'),
      v.maxValue(2048, 'must be at most 2048'),
    ),
  ),
  lan: v.optional(v.nullable(v.string('must be a string or null')), null),
  linkUp: v.optional(v.boolean('must be true or false'), true),
});

const LayoutSchema = v.object({
  lans: v.pipe(v.array(LanSchema, 'must be a list'), v.maxLength(6, 'has more than 6 switches')),
  machines: v.pipe(v.array(MachineSchema, 'must be a list'), v.minLength(1, 'is empty')),
});

export interface LayoutLimits {
  maxMachines: number;
  /** The guest profiles the lab has (null: not known yet, not checked). */
  profiles: readonly string[] | null;
}

/** The layout in `raw`, or a LayoutError saying what is wrong (the field, or the conflict). */
export function parseLabLayout(raw: unknown, limits: LayoutLimits): LabLayout {
  const result = v.safeParse(LayoutSchema, raw, { abortEarly: true });
  if (!result.success) throw new LayoutError(describeIssues(result.issues));
  const layout = result.output;
  if (layout.machines.length > limits.maxMachines) {
    throw new LayoutError(
      `machines: ${layout.machines.length} machines, a lab holds at most ${limits.maxMachines}`,
    );
  }
  const lans = new Set<string>();
  for (const lan of layout.lans) {
    if (lans.has(lan.name)) throw new LayoutError(`lans: two switches are called ${lan.name}`);
    lans.add(lan.name);
  }
  const names = new Set<string>();
  const macs = new Set<string>();
  let routers = 0;
  layout.machines.forEach((m, i) => {
    const where = `machines[${i}]`;
    if (names.has(m.name)) throw new LayoutError(`${where}.name: ${m.name} is used twice`);
    if (macs.has(m.mac)) throw new LayoutError(`${where}.mac: ${m.mac} is used twice`);
    if (limits.profiles && !limits.profiles.includes(m.profile)) {
      throw new LayoutError(`${where}.profile: no guest profile "${m.profile}"`);
    }
    if (m.lan === 'trunk') routers++;
    else if (m.lan !== null && !lans.has(m.lan)) {
      throw new LayoutError(`${where}.lan: no switch called "${m.lan}"`);
    }
    names.add(m.name);
    macs.add(m.mac);
  });
  if (routers > 1) throw new LayoutError('machines: more than one router (lan "trunk")');
  return layout;
}
