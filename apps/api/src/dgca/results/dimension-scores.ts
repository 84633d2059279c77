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

/** Up to two dimensions scoring highest, at least at the scale's midpoint; ties keep the framework's order. */
export function strengths(dimensions: readonly Scored[], min: number, max: number): string[] {
  const midpoint = (min + max) / 2;
  return dimensions
    .filter((d): d is Scored & { score: number } => d.score !== null && d.score >= midpoint)
    .map((d, index) => ({ ...d, index }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, 2)
    .map((d) => d.key);
}

/** Up to three dimensions scoring lowest, below the top of the scale, weakest first. */
export function gaps(dimensions: readonly Scored[], max: number): string[] {
  return dimensions
    .filter((d): d is Scored & { score: number } => d.score !== null && d.score < max)
    .map((d, index) => ({ ...d, index }))
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .slice(0, 3)
    .map((d) => d.key);
}
