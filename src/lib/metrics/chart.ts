// A chart of a figure over time, as numbers to draw: a scale that fits an idle guest and a busy one
// alike (its top a round number: 1, 2 or 5 times a power of ten), its ticks, and the line's path.
// Pure.

/** The smallest round number (1, 2, 5 × 10ⁿ) at or above `value`, and at least `floor`. */
export function niceCeiling(value: number, floor = 1): number {
  const target = Math.max(floor, Number.isFinite(value) ? value : floor);
  const power = 10 ** Math.floor(Math.log10(target));
  for (const step of [1, 2, 5, 10]) {
    if (step * power >= target * (1 - 1e-9)) return step * power;
  }
  return 10 * power;
}

/** The chart's scale: its top, and the values to label on its axis (0, half, top). */
export function chartScale(
  values: readonly (number | null)[],
  floor = 1,
): {
  top: number;
  ticks: number[];
} {
  const peak = Math.max(0, ...values.map((v) => v ?? 0));
  const top = niceCeiling(peak, floor);
  return { top, ticks: [0, top / 2, top] };
}

/**
 * The SVG path of `values` (one per step, oldest first) in a `width` × `height` box with `top` at
 * its top edge, each value at a whole pixel; a null (no data) breaks the line. The newest value
 * sits on the right edge, so a series shorter than `slots` fills from the right.
 */
export function chartPath(
  values: readonly (number | null)[],
  { width, height, top, slots }: { width: number; height: number; top: number; slots: number },
): string {
  const step = width / Math.max(1, slots - 1);
  const offset = slots - values.length;
  let d = '';
  let drawing = false;
  values.forEach((v, i) => {
    if (v === null) return void (drawing = false);
    const x = ((offset + i) * step).toFixed(1);
    // Whole pixels: an idle guest's small wobble (55 to 70 thousand instructions a second)
    // draws the same line, so the page has nothing to redraw while nothing is happening.
    const y = Math.round(height - (Math.min(v, top) / top) * (height - 2) - 1);
    d += `${drawing ? 'L' : 'M'}${x} ${y}`;
    drawing = true;
  });
  return d;
}

/**
 * Where a moment `at` falls on a chart whose right edge is `now` (one slot per `slotMs`), or null
 * when it is off the chart.
 */
export function markX(
  at: number,
  now: number,
  { width, slots, slotMs }: { width: number; slots: number; slotMs: number },
): number | null {
  const x = width - ((now - at) / slotMs) * (width / Math.max(1, slots - 1));
  return x >= 0 && x <= width ? x : null;
}
