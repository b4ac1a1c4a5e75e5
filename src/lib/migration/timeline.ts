// A migration's timeline as bars: each pre-copy round, then the stop-and-copy (the guest
// stopped), their heights by bytes sent on one scale, so the class sees the rounds shrink and
// how little is left for the pause. Pure.
import type { MigrationReport } from '../../common/migration/precopy';

export interface Bar {
  /** null: the stop-and-copy. */
  round: number | null;
  pages: number;
  bytes: number;
  ms: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TimelineSize {
  width: number;
  height: number;
  gap: number;
}

export function timelineBars(report: MigrationReport, size: TimelineSize): Bar[] {
  const PAGE = 4096;
  const rows: Array<Pick<Bar, 'round' | 'pages' | 'bytes' | 'ms'>> = [
    ...report.rounds.map((r, i) => ({ round: i + 1, ...r })),
    {
      round: null,
      pages: report.final.pages,
      bytes: report.final.bytes + report.final.stateBytes,
      ms: report.downtimeMs,
    },
  ];
  const top = Math.max(PAGE, ...rows.map((r) => r.bytes));
  const width = Math.max(1, (size.width - size.gap * (rows.length - 1)) / rows.length);
  return rows.map((r, i) => {
    // At least a sliver for a round that sent next to nothing: it happened.
    const height = Math.max(1, (r.bytes / top) * size.height);
    return { ...r, x: i * (width + size.gap), y: size.height - height, width, height };
  });
}
