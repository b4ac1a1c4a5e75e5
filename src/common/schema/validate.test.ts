import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { describeIssues, parseOrThrow } from './validate';

const Schema = v.strictObject({
  name: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
  list: v.array(v.strictObject({ size: v.pipe(v.number(), v.maxValue(10, 'must be at most 10')) })),
});

describe('parseOrThrow', () => {
  it('returns the parsed value', () => {
    expect(parseOrThrow(Schema, { name: 'a', list: [{ size: 3 }] }, (m) => new Error(m))).toEqual({
      name: 'a',
      list: [{ size: 3 }],
    });
  });
  it('names the failing field, with array indices', () => {
    expect(() =>
      parseOrThrow(Schema, { name: 'a', list: [{ size: 3 }, { size: 11 }] }, (m) => new Error(m)),
    ).toThrow('list[1].size: must be at most 10');
    expect(() => parseOrThrow(Schema, { name: '', list: [] }, (m) => new RangeError(m))).toThrow(
      RangeError,
    );
  });
  it('says what is wrong with the whole when no field is to blame', () => {
    const result = v.safeParse(Schema, 7);
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssues(result.issues)).toMatch(/^Invalid type/);
  });
});
