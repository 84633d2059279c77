/*
 * The roadmap's calendar quarters. A quarter is numbered year × 4 + (0…3) so that ranges are plain
 * integer ranges; days are YYYY-MM-DD strings read without a time zone.
 */

export interface Quarter {
  index: number;
  year: number;
  /** 1 to 4. */
  quarter: number;
}

export const quarterOf = (day: string): number => {
  const [year, month] = day.split('-').map(Number);
  return year! * 4 + Math.floor((month! - 1) / 3);
};

const toQuarter = (index: number): Quarter => ({
  index,
  year: Math.floor(index / 4),
  quarter: (index % 4) + 1,
});

/** The quarters an action runs through: from its start to its end, or the one quarter of the date it has. */
export function spanOf(action: { startsOn: string | null; endsOn: string | null }) {
  const start = action.startsOn ?? action.endsOn;
  const end = action.endsOn ?? action.startsOn;
  if (!start || !end) return null;
  return { first: quarterOf(start), last: quarterOf(end) };
}

/** Every quarter from the earliest start to the latest end of the actions; empty when none is dated. */
export function quartersCovering(actions: { startsOn: string | null; endsOn: string | null }[]): Quarter[] {
  const spans = actions.map(spanOf).filter((span) => span !== null);
  if (spans.length === 0) return [];
  const first = Math.min(...spans.map((span) => span.first));
  const last = Math.max(...spans.map((span) => span.last));
  return Array.from({ length: last - first + 1 }, (_, offset) => toQuarter(first + offset));
}

/** Where a quarter falls in an action's span, said in words in each roadmap cell. */
export type SpanPart = 'only' | 'starts' | 'continues' | 'ends' | null;

export function partOf(span: { first: number; last: number } | null, index: number): SpanPart {
  if (!span || index < span.first || index > span.last) return null;
  if (span.first === span.last) return 'only';
  if (index === span.first) return 'starts';
  if (index === span.last) return 'ends';
  return 'continues';
}
