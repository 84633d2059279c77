import { withheldFor } from './anonymity.js';
import type { DimensionFigures } from './rating-aggregates.js';
import { round2 } from './statistics.js';

/** The individual average of a dimension, unless fewer than MINIMUM_RATERS people stand behind it. */
export const shownAverage = (figures: DimensionFigures | undefined): number | null =>
  figures && !withheldFor(figures.raters) ? figures.average : null;

/** A dimension's score: the group's agreed ratings when any was recorded, else the shown average. */
export const scoreOf = (figures: DimensionFigures | undefined): number | null =>
  round2(figures?.consensus ?? shownAverage(figures));

export interface Scored {
  key: string;
  score: number | null;
}

/**
 * Up to three dimensions scoring lowest, below the top of the scale, weakest first — and never more
 * than half of the scored dimensions, so that a small framework still has strengths to name.
 */
export function gaps(dimensions: readonly Scored[], max: number): string[] {
  const scored = dimensions.filter((d): d is Scored & { score: number } => d.score !== null);
  return scored
    .filter((d) => d.score < max)
    .map((d, index) => ({ ...d, index }))
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .slice(0, Math.min(3, Math.ceil(scored.length / 2)))
    .map((d) => d.key);
}

/**
 * Up to two dimensions scoring highest, at least at the scale's midpoint, that are not gaps (a
 * dimension is one or the other); ties keep the framework's order.
 */
export function strengths(
  dimensions: readonly Scored[],
  min: number,
  max: number,
  gapKeys: readonly string[],
): string[] {
  const midpoint = (min + max) / 2;
  return dimensions
    .filter((d): d is Scored & { score: number } => d.score !== null && d.score >= midpoint)
    .filter((d) => !gapKeys.includes(d.key))
    .map((d, index) => ({ ...d, index }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, 2)
    .map((d) => d.key);
}
