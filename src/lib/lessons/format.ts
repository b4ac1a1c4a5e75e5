// A lesson file (docs/lessons.md): YAML, versioned ("format: aula86-lesson/1"), every text in
// Spanish and English side by side, read with the lab's schema library. A file that does not
// fit is refused with the line and the field at fault. Pure.
import * as v from 'valibot';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

export const LESSON_FORMAT = 'aula86-lesson/1';
/** A lesson file is text of at most this many bytes (a long lesson is ~10 KB). */
export const MAX_LESSON_BYTES = 64 * 1024;

const ID = /^[a-z0-9][a-z0-9-]{0,47}$/;
const MACHINE = /^pc[1-8]$/;
const text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));
const both = (max: number) => v.strictObject({ en: text(max), es: text(max) });

/** Runs `run` in `machine` through the guest agent: done when it exits 0 (and prints `expect`). */
const ExecCheck = v.strictObject({
  machine: v.optional(v.pipe(v.string(), v.regex(MACHINE)), 'pc1'),
  run: text(500),
  /** A regular expression the output must match (JavaScript syntax, multiline). */
  expect: v.optional(
    v.pipe(
      text(200),
      v.check((s) => {
        try {
          new RegExp(s, 'm');
          return true;
        } catch {
          return false;
        }
      }, 'not a regular expression'),
    ),
  ),
});

/** Conditions on the lab itself, since the step began (docs/lessons.md). */
export const LAB_CONDITIONS = [
  /** A snapshot of `machine` was saved. */
  'snapshotSaved',
  /** A snapshot was restored into `machine`. */
  'restored',
  /** The cost-of-emulation benchmark ran to its end with v86's JIT on and off. */
  'benchmarkJitOnOff',
  /** The network measurement ran to its end with both cards (NE2000 and virtio-net). */
  'nicsMeasured',
  /** `machine` pinged `to` and was answered, as the switch saw it. */
  'ping',
  /** This tab (a host) sees another host of the lab. */
  'hostSeen',
  /** `machine` left this host for another by migration (`live`: only a live one, or only a
   * stopped one). */
  'migratedAway',
  /** A machine came to this host from another by migration (`live` as above). */
  'migratedHere',
] as const;

const MIGRATIONS: readonly string[] = ['migratedAway', 'migratedHere'];

const LabCheck = v.pipe(
  v.strictObject({
    machine: v.optional(v.pipe(v.string(), v.regex(MACHINE)), 'pc1'),
    lab: v.picklist(LAB_CONDITIONS),
    /** The machine pinged (`lab: ping` only). */
    to: v.optional(v.pipe(v.string(), v.regex(MACHINE))),
    /** Only a live migration (true) or only a stopped one (false); either if absent. */
    live: v.optional(v.boolean()),
  }),
  v.check(
    (c) => (c.lab === 'ping') === (c.to !== undefined),
    '“to” goes with “lab: ping”, and only there',
  ),
  v.check(
    (c) => c.live === undefined || MIGRATIONS.includes(c.lab),
    '“live” goes with “lab: migratedAway” or “lab: migratedHere”, and only there',
  ),
);

const Step = v.strictObject({
  id: v.pipe(v.string(), v.regex(ID, 'lower case letters, digits and -')),
  title: both(120),
  text: both(2000),
  /** Commands shown with "Copy" and "Type it for me". */
  commands: v.optional(v.pipe(v.array(text(300)), v.maxLength(6)), []),
  /** Every check must pass for the step to be done (none: the student marks it read). */
  checks: v.optional(v.pipe(v.array(v.union([ExecCheck, LabCheck])), v.maxLength(6)), []),
  hint: v.optional(both(600)),
});

/** A machine a lesson starts from: its name, and where its card is plugged. */
const StartMachine = v.strictObject({
  name: v.pipe(v.string(), v.regex(MACHINE)),
  /** A switch of the lab ("LAN-B"), or "trunk" (the router); absent: the lab's first switch. */
  lan: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{1,20}$/))),
});

export const LessonSchema = v.strictObject({
  format: v.literal(LESSON_FORMAT),
  id: v.pipe(v.string(), v.regex(ID, 'lower case letters, digits and -')),
  title: both(80),
  summary: both(400),
  /** The course's words the lesson teaches (docs/glossary.md). */
  words: v.optional(v.pipe(v.array(text(40)), v.maxLength(12)), []),
  /** The guest the lesson's machines run (a profile of the lab's manifest). */
  profile: v.optional(v.pipe(v.string(), v.regex(ID)), 'tiny'),
  /** The machines Start over puts the lab back to, each fresh (absent: the machines the checks
   * name are put back, and no other changes). */
  start: v.optional(
    v.strictObject({
      machines: v.pipe(
        v.array(StartMachine),
        v.minLength(1),
        v.maxLength(8),
        v.check(
          (machines) => new Set(machines.map((m) => m.name)).size === machines.length,
          'a machine is named twice',
        ),
      ),
    }),
  ),
  steps: v.pipe(v.array(Step), v.minLength(1), v.maxLength(12)),
});

export type Lesson = v.InferOutput<typeof LessonSchema>;
export type LessonStep = Lesson['steps'][number];
export type Check = LessonStep['checks'][number];
export type ExecCheck = v.InferOutput<typeof ExecCheck>;
export type LabCheck = v.InferOutput<typeof LabCheck>;
export type StartMachine = v.InferOutput<typeof StartMachine>;

export interface LessonError {
  /** 1-based line of the file (0: the whole file). */
  line: number;
  /** Where in the lesson, e.g. "steps[2].check.run" (empty: the file). */
  field: string;
  message: string;
}

export type ParsedLesson = { lesson: Lesson } | { error: LessonError };

/** Reads a lesson file's text: the lesson, or the first error with its line and field. */
export function parseLesson(source: string): ParsedLesson {
  if (source.length > MAX_LESSON_BYTES) {
    return fail(0, '', `the file is larger than ${MAX_LESSON_BYTES / 1024} KB`);
  }
  if (source.includes('\0')) return fail(0, '', 'not a text file');
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = yamlError.linePos?.[0].line ?? 0;
    return fail(line, '', yamlError.message.split('\n')[0] ?? 'not YAML');
  }
  const result = v.safeParse(LessonSchema, doc.toJS({ maxAliasCount: 0 }));
  if (result.success) {
    const ids = result.output.steps.map((s) => s.id);
    const twice = ids.findIndex((id, i) => ids.indexOf(id) !== i);
    if (twice >= 0) {
      const at = lineOf(doc.contents, ['steps', twice, 'id'], lines);
      return fail(at, `steps[${twice}].id`, `the step id “${ids[twice]}” is used twice`);
    }
    return { lesson: result.output };
  }
  const issue = result.issues[0];
  const path = (issue.path ?? []).map((p) => p.key as string | number);
  return fail(lineOf(doc.contents, path, lines), fieldName(path), issue.message);
}

function fail(line: number, field: string, message: string): ParsedLesson {
  return { error: { line, field, message } };
}

/** "steps[2].checks[0].run" */
export function fieldName(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
}

/** The line of the deepest node along `path` that the file has (its key's line, if a key). */
function lineOf(root: unknown, path: readonly (string | number)[], lines: LineCounter): number {
  let node = root as Node | null | undefined;
  let at = (node as { range?: [number] } | null)?.range?.[0] ?? 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      if (!pair) break;
      at = (pair.key as { range?: [number] }).range?.[0] ?? at;
      node = pair.value as Node;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as Node | undefined;
      if (!item) break;
      at = (item as { range?: [number] }).range?.[0] ?? at;
      node = item;
    } else break;
  }
  return lines.linePos(at).line;
}
