import { describe, expect, it } from 'vitest';
import { median, ratio } from './stats.mjs';

describe('median', () => {
  it('takes the middle of an odd count and the mean of the middle two of an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('ignores failed runs (NaN) and is NaN when none succeeded', () => {
    expect(median([NaN, 2, 4])).toBe(3);
    expect(median([NaN])).toBeNaN();
  });
});

describe('ratio', () => {
  it('divides app by bare to two decimals', () => {
    expect(ratio(3150, 3000)).toBe(1.05);
  });
  it('is NaN without both figures', () => {
    expect(ratio(NaN, 3)).toBeNaN();
    expect(ratio(3, 0)).toBeNaN();
  });
});
