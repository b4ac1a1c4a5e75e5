// The one way the lab checks data it reads (kiosk.json, snapshot records, imported files):
// a valibot schema, and the first problem told as "field.path: what is wrong".
import * as v from 'valibot';

/** Where in the data a problem is ("golden.snapshot"), or "" for the whole. */
export function issuePath(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? [])
    .map((item) => (typeof item.key === 'number' ? `[${item.key}]` : String(item.key)))
    .join('.')
    .replace(/\.\[/g, '[');
}

/** The first problem of a failed parse, naming the field. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  if (!first) return 'invalid';
  const path = issuePath(first);
  return path ? `${path}: ${first.message}` : first.message;
}

/** Parses `raw` with `schema`, or throws `fail(description)`. */
export function parseOrThrow<S extends v.GenericSchema>(
  schema: S,
  raw: unknown,
  fail: (description: string) => Error,
): v.InferOutput<S> {
  const result = v.safeParse(schema, raw, { abortEarly: true });
  if (!result.success) throw fail(describeIssues(result.issues));
  return result.output;
}
