/** Figures drawn from rating counts; kept pure so the consensus view, results and exports agree. */

export interface LevelCount {
  value: number;
  count: number;
}

/** Mean and population standard deviation of ratings given as counts per level; null without ratings. */
export function meanAndSpread(counts: readonly LevelCount[]): { mean: number | null; spread: number | null } {
  const n = counts.reduce((sum, level) => sum + level.count, 0);
  if (n === 0) return { mean: null, spread: null };
  const mean = counts.reduce((sum, level) => sum + level.value * level.count, 0) / n;
  const variance = counts.reduce((sum, level) => sum + level.count * (level.value - mean) ** 2, 0) / n;
  return { mean, spread: Math.sqrt(variance) };
}

/**
 * Strong disagreement on a statement: a spread of at least a quarter of the scale's range with two
 * ratings or more, or ratings at both ends of the scale.
 */
export function disagreement(counts: readonly LevelCount[], min: number, max: number): boolean {
  const rated = counts.filter((level) => level.count > 0);
  const n = rated.reduce((sum, level) => sum + level.count, 0);
  if (n < 2) return false;
  const bothEnds = rated.some((level) => level.value === min) && rated.some((level) => level.value === max);
  const { spread } = meanAndSpread(rated);
  return bothEnds || (spread ?? 0) >= 0.25 * (max - min);
}

/** Two decimals are all a profile shows; rounding here keeps JSON, CSV and PDF alike. */
export const round2 = (value: number | null): number | null =>
  value === null ? null : Math.round(value * 100) / 100;
