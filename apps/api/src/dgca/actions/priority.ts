export type PriorityBand = 'high' | 'medium' | 'low';
export const PRIORITY_BANDS: PriorityBand[] = ['high', 'medium', 'low'];

/**
 * An action's priority on the 3 × 3 impact × feasibility matrix: the product (1, 2, 3, 4, 6 or 9)
 * and its band — high from 6 (high on one axis, at least medium on the other), low up to 2.
 */
export function priorityOf(impact: number, feasibility: number): { score: number; band: PriorityBand } {
  const score = impact * feasibility;
  return { score, band: score >= 6 ? 'high' : score >= 3 ? 'medium' : 'low' };
}
