/**
 * Small-group suppression for one measure of a report table (ADR 0020).
 *
 * The table is a grid of weights — the number of people behind each published value — laid out
 * as the report shows it: one row per group, then the totals row; one column per category, then
 * the total column. With no disaggregation there is one column, the total.
 *
 * Primary suppression hides every value resting on 1–4 people. Complementary suppression then
 * looks at every published sum — each row against its total, each column against the totals row,
 * the totals column against the grand total — and hides more until no hidden value can be worked
 * out by subtraction:
 *   - a sum with exactly one hidden member (or only its total hidden) gets a second one, the
 *     smallest other member resting on people (a zero only when nothing else is left, and never
 *     a zero whose row or column total is zero: everyone knows that one);
 *   - for counts, hidden members whose people add up to fewer than 5 while the total is shown
 *     would together be a small group told by subtraction: another member is hidden.
 * Whatever the sums still determine together (found by solving them as linear equations) gets a
 * neighbour hidden too. The totals column is settled first on its own, exactly as the same report without
 * disaggregation settles it, so that two views of one report never hide different totals (which
 * would let one fill in the other).
 */

/** The smallest group a report shows. */
export const MIN_GROUP = 5;

export interface ProtectOptions {
  /**
   * Counts (enrolments, learners): hidden members of a shown total must rest on 5 people
   * together, and a zero may be hidden as a last resort. Rates and averages only need a second
   * hidden member; one over nobody is "no data", shown as such and never hidden.
   */
  kind: 'count' | 'rate';
  /** Cells already hidden for another reason (the whole cell is hidden with its enrolments). */
  forced?: boolean[][];
}

interface Constraint {
  members: Array<[number, number]>;
  total: [number, number];
}

const isSmall = (people: number) => people >= 1 && people < MIN_GROUP;

/** Which values of the grid to hide; `weights[row][column]` are people counts (denominators for rates). */
export function protectTable(weights: number[][], options: ProtectOptions): boolean[][] {
  const rows = weights.length;
  const columns = weights[0]?.length ?? 0;
  const hidden = weights.map((row, r) =>
    row.map((people, c) => isSmall(people) || (options.forced?.[r]?.[c] ?? false)),
  );
  if (rows === 0 || columns === 0) return hidden;
  // What must not be worked out: the small groups and the values hidden to cover them. A value
  // hidden only because its whole cell is (forced) covers others but tells nothing small itself.
  const guarded = weights.map((row) => row.map(isSmall));

  const columnConstraint = (c: number): Constraint => ({
    members: Array.from({ length: rows - 1 }, (_, r) => [r, c] as [number, number]),
    total: [rows - 1, c],
  });
  const totalsColumn = rows > 1 ? [columnConstraint(columns - 1)] : [];
  const everything: Constraint[] = [...totalsColumn];
  if (columns > 1) {
    for (let r = 0; r < rows; r += 1) {
      everything.push({
        members: Array.from({ length: columns - 1 }, (_, c) => [r, c] as [number, number]),
        total: [r, columns - 1],
      });
    }
  }
  if (rows > 1) for (let c = 0; c < columns - 1; c += 1) everything.push(columnConstraint(c));

  settle(weights, hidden, guarded, totalsColumn, options.kind);
  settle(weights, hidden, guarded, everything, options.kind);
  if (options.kind === 'count') {
    // Sums taken together can still pin a value down where each alone cannot (a row, two
    // columns and the totals between them): solve the whole system as an attacker would.
    for (
      let exposed = solvable(weights, hidden, guarded, everything);
      exposed;
      exposed = solvable(weights, hidden, guarded, everything)
    ) {
      const next = widen(exposed, weights, hidden, everything);
      if (!next) break;
      hidden[next[0]]![next[1]] = true;
      guarded[next[0]]![next[1]] = true;
      settle(weights, hidden, guarded, everything, options.kind);
    }
  }
  return hidden;
}

/**
 * A hidden value that the published sums determine, or null. The hidden values are the unknowns
 * of one linear equation per sum; a value is determined when the reduced row echelon form has a
 * row naming it alone.
 */
function solvable(
  weights: number[][],
  hidden: boolean[][],
  guarded: boolean[][],
  constraints: Constraint[],
): [number, number] | null {
  const known = knownZero(weights, hidden);
  const unknowns: Array<[number, number]> = [];
  const index = new Map<string, number>();
  hidden.forEach((row, r) =>
    row.forEach((isHidden, c) => {
      if (!isHidden || known([r, c])) return;
      index.set(`${r},${c}`, unknowns.length);
      unknowns.push([r, c]);
    }),
  );
  const system: number[][] = [];
  for (const { members, total } of constraints) {
    const line = new Array<number>(unknowns.length).fill(0);
    for (const [r, c] of members) {
      const i = index.get(`${r},${c}`);
      if (i !== undefined) line[i] = 1;
    }
    const t = index.get(`${total[0]},${total[1]}`);
    if (t !== undefined) line[t] = -1;
    if (line.some((x) => x !== 0)) system.push(line);
  }
  let pivotRow = 0;
  const pivots: number[] = [];
  for (let col = 0; col < unknowns.length && pivotRow < system.length; col += 1) {
    const found = system.findIndex((line, r) => r >= pivotRow && Math.abs(line[col]!) > 1e-9);
    if (found < 0) continue;
    [system[pivotRow], system[found]] = [system[found]!, system[pivotRow]!];
    const pivot = system[pivotRow]!;
    const scale = pivot[col]!;
    for (let k = 0; k < pivot.length; k += 1) pivot[k]! /= scale;
    system.forEach((line, r) => {
      if (r === pivotRow || Math.abs(line[col]!) < 1e-9) return;
      const factor = line[col]!;
      for (let k = 0; k < line.length; k += 1) line[k]! -= factor * pivot[k]!;
    });
    pivots.push(col);
    pivotRow += 1;
  }
  for (let r = 0; r < pivots.length; r += 1) {
    const cell = unknowns[pivots[r]!]!;
    if (guarded[cell[0]]![cell[1]] && system[r]!.every((x, k) => k === pivots[r] || Math.abs(x) < 1e-9))
      return cell;
  }
  return null;
}

/**
 * Another value to hide next to a determined one: the smallest shown member of a sum it belongs
 * to, inner cells before totals (which the same report without disaggregation shows).
 */
function widen(
  exposed: [number, number],
  weights: number[][],
  hidden: boolean[][],
  constraints: Constraint[],
): [number, number] | null {
  const lastRow = weights.length - 1;
  const lastColumn = weights[0]!.length - 1;
  const same = (a: [number, number], b: [number, number]) => a[0] === b[0] && a[1] === b[1];
  const known = knownZero(weights, hidden);
  const candidates = constraints
    .filter(({ members, total }) => same(total, exposed) || members.some((cell) => same(cell, exposed)))
    .flatMap(({ members, total }) => [...members, total])
    .filter((cell) => !hidden[cell[0]]![cell[1]] && !known(cell));
  const rank = ([r, c]: [number, number]) => [
    r === lastRow || c === lastColumn ? 1 : 0,
    weights[r]![c]! > 0 ? 0 : 1,
    weights[r]![c]!,
  ];
  let best: [number, number] | null = null;
  for (const cell of candidates) {
    if (best === null) best = cell;
    else {
      const [a, b] = [rank(cell), rank(best)];
      if (a[0]! < b[0]! || (a[0] === b[0] && (a[1]! < b[1]! || (a[1] === b[1] && a[2]! < b[2]!))))
        best = cell;
    }
  }
  return best;
}

/** Hides one more value at a time until every sum is safe; each pass hides at least one, so it ends. */
function settle(
  weights: number[][],
  hidden: boolean[][],
  guarded: boolean[][],
  constraints: Constraint[],
  kind: ProtectOptions['kind'],
) {
  const weight = ([r, c]: [number, number]) => weights[r]![c]!;
  // A hidden zero that everyone knows is zero counts for nothing, and is never chosen.
  const known = knownZero(weights, hidden);
  const isHidden = ([r, c]: [number, number]) => hidden[r]![c]! && !known([r, c]);
  const hide = ([r, c]: [number, number]) => {
    hidden[r]![c] = true;
    guarded[r]![c] = true;
  };
  const isGuarded = ([r, c]: [number, number]) => guarded[r]![c]!;
  for (let changed = true; changed;) {
    changed = false;
    for (const constraint of constraints) {
      const hiddenMembers = constraint.members.filter(isHidden);
      const totalHidden = isHidden(constraint.total);
      const count = hiddenMembers.length + (totalHidden ? 1 : 0);
      if (count === 0) continue;
      if (!hiddenMembers.some(isGuarded) && !(totalHidden && isGuarded(constraint.total))) continue;
      const together = hiddenMembers.reduce((sum, cell) => sum + weight(cell), 0);
      const exposed = count === 1 || (kind === 'count' && !totalHidden && together < MIN_GROUP);
      if (!exposed) continue;
      const next = complement(
        constraint.members.filter((cell) => !hidden[cell[0]]![cell[1]] && !known(cell)),
        weight,
        kind,
      );
      if (next) hide(next);
      else if (!totalHidden && (kind === 'count' || weight(constraint.total) > 0)) hide(constraint.total);
      else continue;
      changed = true;
    }
  }
}

/**
 * A zero in a row or column whose total is zero: anyone knows it is zero (people are never
 * negative), so hiding it protects nothing.
 */
function knownZero(weights: number[][], hidden: boolean[][]): (cell: [number, number]) => boolean {
  const lastRow = weights.length - 1;
  const lastColumn = (weights[0]?.length ?? 1) - 1;
  const shownZero = (r: number, c: number) => weights[r]![c] === 0 && !hidden[r]![c];
  return ([r, c]) =>
    weights[r]![c] === 0 &&
    ((c !== lastColumn && shownZero(r, lastColumn)) || (r !== lastRow && shownZero(lastRow, c)));
}

/** The smallest shown member resting on people; for counts a zero if nothing else is left. */
function complement(
  shown: Array<[number, number]>,
  weight: (cell: [number, number]) => number,
  kind: ProtectOptions['kind'],
): [number, number] | null {
  let best: [number, number] | null = null;
  for (const cell of shown) {
    if (weight(cell) > 0 && (best === null || weight(best) === 0 || weight(cell) < weight(best))) best = cell;
    else if (kind === 'count' && best === null && weight(cell) === 0) best = cell;
  }
  return best;
}
