// Kiosk mode's settings: kiosk.json next to the deployed files (docs/deployment.md), read
// strictly, every value bounded, so a typo is reported (naming the field) instead of ignored.
import * as v from 'valibot';
import { parseOrThrow } from '../../common/schema/validate';
import { LayoutError, parseLabLayout, type LabLayout } from '../network/layout';
import { TOOLS, type ToolId } from '../workspace/layout';

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
  /** Machines the kiosk opens with (pc1, pc2, …): one keeps the single-machine layout. */
  machines: number;
  /** A network lab (switches, machines, cards, cables) every reset rebuilds; null: none. */
  lab: LabLayout | null;
  /** The tools a locked kiosk shows in its tool bar (none unless listed). */
  tools: ToolId[];
  /** The lessons a locked kiosk lists, by id (empty: every lesson the lab ships). */
  lessons: string[];
  /** Lesson progress survives a reset (default: it goes with the student's work). */
  keepLessonProgress: boolean;
  /** While a lesson is in progress, the idle time before a reset, minutes; 'pause': none. */
  lessonIdleMinutes: number | 'pause';
}

export const DEFAULT_KIOSK: KioskConfig = {
  enabled: false,
  golden: { kind: 'boot' },
  idleMinutes: 10,
  countdownSeconds: 30,
  pin: null,
  fontSize: 22,
  machines: 1,
  lab: null,
  tools: [],
  lessons: [],
  keepLessonProgress: false,
  lessonIdleMinutes: 30,
};

/** The bounds of each setting, as docs/deployment.md gives them. */
export const KIOSK_LIMITS = {
  /** 3 seconds (a demonstration) to a day. */
  idleMinutes: { min: 0.05, max: 24 * 60 },
  countdownSeconds: { min: 1, max: 600 },
  fontSize: { min: 12, max: 64 },
  machines: { min: 1, max: 4 },
  goldenName: { max: 80 },
} as const;

export class KioskConfigError extends Error {
  override name = 'KioskConfigError';
}

const bounded = (limits: { min: number; max: number }, integer: boolean) =>
  v.pipe(
    v.number('must be a number'),
    v.finite('must be a finite number'),
    v.check((n) => !integer || Number.isInteger(n), 'must be a whole number'),
    v.minValue(limits.min, `must be at least ${limits.min}`),
    v.maxValue(limits.max, `must be at most ${limits.max}`),
  );

const GoldenSchema = v.union(
  [
    v.pipe(
      v.literal('boot'),
      v.transform((): KioskConfig['golden'] => ({ kind: 'boot' })),
    ),
    v.pipe(
      v.strictObject(
        {
          snapshot: v.pipe(
            v.string('must be a string'),
            v.trim(),
            v.nonEmpty('must not be empty'),
            v.maxLength(
              KIOSK_LIMITS.goldenName.max,
              `must be at most ${KIOSK_LIMITS.goldenName.max} characters`,
            ),
          ),
        },
        'must have only the key "snapshot"',
      ),
      v.transform(({ snapshot }): KioskConfig['golden'] => ({ kind: 'snapshot', name: snapshot })),
    ),
  ],
  'must be "boot" or { "snapshot": "<name>" }',
);

const KioskSchema = v.strictObject(
  {
    enabled: v.optional(v.boolean('must be true or false'), DEFAULT_KIOSK.enabled),
    golden: v.optional(GoldenSchema, 'boot'),
    idleMinutes: v.optional(bounded(KIOSK_LIMITS.idleMinutes, false), DEFAULT_KIOSK.idleMinutes),
    countdownSeconds: v.optional(
      bounded(KIOSK_LIMITS.countdownSeconds, true),
      DEFAULT_KIOSK.countdownSeconds,
    ),
    pin: v.optional(
      v.nullable(
        v.pipe(
          v.string('must be a string of digits, in quotes'),
          v.regex(/^\d{4,12}$/, 'must be 4 to 12 digits'),
        ),
      ),
      null,
    ),
    fontSize: v.optional(bounded(KIOSK_LIMITS.fontSize, true), DEFAULT_KIOSK.fontSize),
    machines: v.optional(bounded(KIOSK_LIMITS.machines, true), DEFAULT_KIOSK.machines),
    lab: v.optional(v.unknown(), null),
    lessons: v.optional(
      v.pipe(
        v.array(
          v.pipe(
            v.string('must be a lesson id'),
            v.regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'must be lesson ids (a-z, 0-9 and -)'),
          ),
          'must be a list of lesson ids',
        ),
        v.maxLength(32, 'must list at most 32 lessons'),
      ),
      [],
    ),
    keepLessonProgress: v.optional(
      v.boolean('must be true or false'),
      DEFAULT_KIOSK.keepLessonProgress,
    ),
    lessonIdleMinutes: v.optional(
      v.union(
        [v.literal('pause'), bounded(KIOSK_LIMITS.idleMinutes, false)],
        `must be "pause" or a number of minutes from ${KIOSK_LIMITS.idleMinutes.min} to ${KIOSK_LIMITS.idleMinutes.max}`,
      ),
      DEFAULT_KIOSK.lessonIdleMinutes,
    ),
    tools: v.optional(
      v.pipe(
        v.array(
          v.picklist(TOOLS, `must name tools among: ${TOOLS.join(', ')}`),
          'must be a list of tool names',
        ),
        v.maxLength(TOOLS.length, `must list at most ${TOOLS.length} tools`),
        v.transform((tools) => [...new Set(tools)]),
      ),
      [],
    ),
  },
  'is not a setting kiosk.json knows',
);

/** Reads kiosk.json's parsed JSON; throws KioskConfigError naming the field at fault. */
export function parseKioskConfig(raw: unknown): KioskConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new KioskConfigError('kiosk.json must hold a JSON object');
  }
  const config = parseOrThrow(KioskSchema, raw, (d) => new KioskConfigError(d));
  if (config.lab === null) return { ...config, lab: null };
  try {
    const lab = parseLabLayout(config.lab, {
      maxMachines: KIOSK_LIMITS.machines.max,
      profiles: null,
    });
    return { ...config, lab };
  } catch (error) {
    if (error instanceof LayoutError) throw new KioskConfigError(`lab.${error.message}`);
    throw error;
  }
}
