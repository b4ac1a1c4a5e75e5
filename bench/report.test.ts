import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderPerformance } from './report.mjs';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('docs/performance.md', () => {
  it('is exactly what the bench wrote from its JSON: no figure typed by hand', () => {
    const result: unknown = JSON.parse(read('./results/latest.json'));
    expect(read('../docs/performance.md')).toBe(renderPerformance(result));
  });
});
