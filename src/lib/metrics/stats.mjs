// Small, pure statistics shared by the lab (benchmark medians) and the bench script.

/** @param {number[]} values */
export function median(values) {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return NaN;
  const mid = finite.length >> 1;
  return finite.length % 2 ? finite[mid] : (finite[mid - 1] + finite[mid]) / 2;
}

/** app / bare, rounded to 2 decimals; NaN when either is missing. */
export function ratio(app, bare) {
  if (!Number.isFinite(app) || !Number.isFinite(bare) || bare === 0) return NaN;
  return Math.round((app / bare) * 100) / 100;
}
