// Types for report.mjs (the bench is plain JavaScript run by Node).
/** docs/performance.md for one run of the bench (its bench/results/latest.json). */
export function renderPerformance(result: unknown): string;
/** The bench's console summary. */
export function printable(result: unknown): string;
