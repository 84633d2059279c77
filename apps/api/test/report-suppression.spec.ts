import { describe, expect, it } from '@jest/globals';
import { MIN_GROUP, protectTable } from '../src/reports/report-suppression.js';

/**
 * A table as reports lay it out: the given group × category counts, each row's total last, and a
 * totals row last (column totals and the grand total).
 */
function withTotals(cells: number[][]): number[][] {
  const rows = cells.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const totals = rows[0]!.map((_, c) => rows.reduce((sum, row) => sum + row[c]!, 0));
  return [...rows, totals];
}

/** Just the total column: the same report without disaggregation. */
const totalsOnly = (table: number[][]) => table.map((row) => [row[row.length - 1]!]);

/** Every published sum: each row against its total, each column against the totals row. */
function equations(
  rows: number,
  columns: number,
): Array<{ members: Array<[number, number]>; total: [number, number] }> {
  const list: Array<{ members: Array<[number, number]>; total: [number, number] }> = [];
  if (columns > 1) {
    for (let r = 0; r < rows; r += 1) {
      list.push({
        members: Array.from({ length: columns - 1 }, (_, c) => [r, c] as [number, number]),
        total: [r, columns - 1],
      });
    }
  }
  if (rows > 1) {
    for (let c = 0; c < columns; c += 1) {
      list.push({
        members: Array.from({ length: rows - 1 }, (_, r) => [r, c] as [number, number]),
        total: [rows - 1, c],
      });
    }
  }
  return list;
}

function rank(matrix: number[][]): number {
  const m = matrix.map((row) => [...row]);
  let rankFound = 0;
  const columns = m[0]?.length ?? 0;
  for (let c = 0; c < columns && rankFound < m.length; c += 1) {
    let pivot = -1;
    for (let r = rankFound; r < m.length; r += 1) if (Math.abs(m[r]![c]!) > 1e-9) pivot = r;
    if (pivot < 0) continue;
    [m[rankFound], m[pivot]] = [m[pivot]!, m[rankFound]!];
    for (let r = 0; r < m.length; r += 1) {
      if (r === rankFound) continue;
      const factor = m[r]![c]! / m[rankFound]![c]!;
      for (let k = c; k < columns; k += 1) m[r]![k]! -= factor * m[rankFound]![k]!;
    }
    rankFound += 1;
  }
  return rankFound;
}

/**
 * The small groups (1–4 people) an attacker with every published value and every sum can work
 * out: the hidden cells whose value follows from the linear equations (any combination of them,
 * not only one at a time), knowing too that a hidden cell in a row or column shown to total 0 is 0.
 */
function derivable(table: number[][], hidden: boolean[][]): Array<[number, number]> {
  const lastRow = table.length - 1;
  const lastColumn = table[0]!.length - 1;
  const shownZero = (r: number, c: number) => table[r]![c] === 0 && !hidden[r]![c];
  const knownZero = (r: number, c: number) =>
    (c !== lastColumn && shownZero(r, lastColumn)) || (r !== lastRow && shownZero(lastRow, c));
  const unknowns: Array<[number, number]> = [];
  hidden.forEach((row, r) =>
    row.forEach((isHidden, c) => isHidden && !knownZero(r, c) && unknowns.push([r, c])),
  );
  const index = new Map(unknowns.map(([r, c], i) => [`${r},${c}`, i]));
  const system = equations(table.length, table[0]!.length)
    .map(({ members, total }) => {
      const line = new Array<number>(unknowns.length).fill(0);
      for (const [r, c] of members) if (index.has(`${r},${c}`)) line[index.get(`${r},${c}`)!] = 1;
      if (index.has(`${total[0]},${total[1]}`)) line[index.get(`${total[0]},${total[1]}`)!] = -1;
      return line;
    })
    .filter((line) => line.some((x) => x !== 0));
  if (system.length === 0) return [];
  const base = rank(system);
  return unknowns.filter(([r, c], i) => {
    if (table[r]![c]! < 1 || table[r]![c]! >= MIN_GROUP) return false;
    const unit = new Array<number>(unknowns.length).fill(0);
    unit[i] = 1;
    return rank([...system, unit]) === base;
  });
}

/** Sums whose hidden members are shown, by subtraction, to hold 1–4 people together. */
function smallResiduals(table: number[][], hidden: boolean[][]): string[] {
  return equations(table.length, table[0]!.length)
    .filter(({ members, total }) => {
      const hiddenMembers = members.filter(([r, c]) => hidden[r]![c]);
      if (hiddenMembers.length === 0 || hidden[total[0]]![total[1]]) return false;
      const together = hiddenMembers.reduce((sum, [r, c]) => sum + table[r]![c]!, 0);
      return together >= 1 && together < MIN_GROUP;
    })
    .map(({ total }) => `sum at ${total.join(',')}`);
}

/** Every value resting on 1–4 people is hidden. */
const smallShown = (table: number[][], hidden: boolean[][]) =>
  table.flatMap((row, r) => row.filter((v, c) => v >= 1 && v < MIN_GROUP && !hidden[r]![c]));

const hiddenValues = (table: number[][], hidden: boolean[][]) =>
  table.flatMap((row, r) => row.filter((_, c) => hidden[r]![c]));

function expectSafe(table: number[][], hidden: boolean[][]) {
  expect(smallShown(table, hidden)).toEqual([]);
  expect(derivable(table, hidden)).toEqual([]);
  expect(smallResiduals(table, hidden)).toEqual([]);
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('report suppression', () => {
  it('hides nothing when every group has at least 5 people', () => {
    const table = withTotals([
      [5, 12, 30],
      [8, 5, 9],
    ]);
    const hidden = protectTable(table, { kind: 'count' });
    expect(hiddenValues(table, hidden)).toEqual([]);
  });

  it('hides a group of 1–4 people and a second value in its row, so the row total does not give it away', () => {
    // female 3, male 10, another 0, not stated 20; total 33.
    const table = withTotals([
      [3, 10, 0, 20],
      [40, 50, 12, 30],
    ]);
    const hidden = protectTable(table, { kind: 'count' });
    expect(hidden[0]![0]).toBe(true);
    // The complement is the smallest value resting on people, not the empty category (hiding a
    // zero would tell the 3 by subtraction just the same).
    expect(hidden[0]![1]).toBe(true);
    expect(hidden[0]![2]).toBe(false);
    expectSafe(table, hidden);
  });

  it('protects the column too: the hidden cells are not recoverable from the category totals', () => {
    const table = withTotals([
      [3, 10, 20],
      [40, 50, 30],
      [25, 25, 25],
    ]);
    const hidden = protectTable(table, { kind: 'count' });
    expect(hidden[0]![0]).toBe(true);
    // Column "female": 3 + 40 + 25 = 68 is published, so another female cell must go too.
    expect(hidden[1]![0] || hidden[2]![0]).toBe(true);
    expectSafe(table, hidden);
  });

  it('does not let two small groups in a row be told together: 1 + 2 hidden against a shown total is a group of 3', () => {
    const table = withTotals([
      [1, 2, 30, 40],
      [20, 20, 20, 20],
    ]);
    const hidden = protectTable(table, { kind: 'count' });
    expect(hidden[0]![0] && hidden[0]![1]).toBe(true);
    expect(hidden[0]![2]).toBe(true);
    expectSafe(table, hidden);
  });

  it('protects a small group total in the totals column, against the grand total', () => {
    const table = withTotals([
      [2, 1],
      [30, 20],
      [40, 9],
    ]);
    const hidden = protectTable(table, { kind: 'count' });
    expect(hidden[0]![2]).toBe(true);
    expect(hidden[1]![2] || hidden[2]![2]).toBe(true);
    expectSafe(table, hidden);
  });

  it('hides the totals a report without disaggregation hides, and no others, so the two views cannot be combined', () => {
    const table = withTotals([
      [2, 1, 0],
      [10, 3, 7],
      [6, 6, 6],
      [50, 1, 9],
    ]);
    const split = protectTable(table, { kind: 'count' });
    const whole = protectTable(totalsOnly(table), { kind: 'count' });
    expect(split.map((row) => row[row.length - 1])).toEqual(whole.map((row) => row[0]));
    expectSafe(table, split);
    expectSafe(totalsOnly(table), whole);
  });

  it('a report with a single group: a small group hides everything, including the grand total', () => {
    const table = withTotals([[1, 2, 0]]);
    const hidden = protectTable(table, { kind: 'count' });
    expect(hidden.flat().filter((x) => !x).length).toBeLessThanOrEqual(2);
    expect(hidden[0]![3]).toBe(true);
    expect(hidden[1]![3]).toBe(true);
    expectSafe(table, hidden);
  });

  it('keeps a value hidden with its whole cell hidden; it needs no cover of its own, and covers a small neighbour only if nothing tells it', async () => {
    const table = withTotals([
      [10, 12, 30],
      [8, 15, 9],
    ]);
    const forced = table.map((row) => row.map(() => false));
    forced[0]![1] = true;
    const alone = protectTable(table, { kind: 'count', forced });
    // 12 completions of a cell whose enrolments are hidden: telling it tells no small group.
    expect(hiddenValues(table, alone)).toEqual([12]);

    const small = withTotals([
      [3, 12, 30],
      [8, 15, 9],
      [20, 20, 20],
    ]);
    const covered = protectTable(small, {
      kind: 'count',
      forced: small.map((row, r) => row.map((_, c) => r === 0 && c === 1)),
    });
    // The hidden 12 counts as cover only while nothing else tells it: its column does here, so
    // the 3 gets cover of its own.
    expect(covered[0]![0] && covered[0]![1]).toBe(true);
    expectSafe(small, covered);
  });

  it('rates: hides a rate over fewer than 5 people and a second one, never a rate over nobody', () => {
    // Denominators (graded people); 0 means no rate at all, shown as "no data".
    const denominators = withTotals([
      [3, 0, 12, 20],
      [9, 0, 8, 7],
    ]);
    const hidden = protectTable(denominators, { kind: 'rate' });
    expect(hidden[0]![0]).toBe(true);
    expect(hidden[0]![1]).toBe(false);
    expect(hidden[1]![1]).toBe(false);
    expect(hidden[0]![2]).toBe(true);
    // Every sum with a hidden member has at least two hidden.
    for (const { members, total } of equations(denominators.length, denominators[0]!.length)) {
      const count = [...members, total].filter(([r, c]) => hidden[r]![c]).length;
      expect(count === 0 || count >= 2).toBe(true);
    }
  });

  it('holds on a thousand random tables of small and large groups', () => {
    const next = random(20261130);
    for (let run = 0; run < 1000; run += 1) {
      const groups = 1 + Math.floor(next() * 6);
      const categories = 1 + Math.floor(next() * 5);
      const cells = Array.from({ length: groups }, () =>
        Array.from({ length: categories }, () =>
          next() < 0.5 ? Math.floor(next() * 7) : Math.floor(next() * 60),
        ),
      );
      const table = withTotals(cells);
      const hidden = protectTable(table, { kind: 'count' });
      const failure = {
        cells,
        smallShown: smallShown(table, hidden),
        derivable: derivable(table, hidden),
        smallResiduals: smallResiduals(table, hidden),
      };
      expect(failure).toEqual({ cells, smallShown: [], derivable: [], smallResiduals: [] });
      // Cells hidden with their enrolments (forced) must not open a way to the small ones either.
      const forced = table.map((row) => row.map(() => next() < 0.1));
      const withForced = protectTable(table, { kind: 'count', forced });
      expect({
        cells,
        forced: smallShown(table, withForced),
        derivable: derivable(table, withForced),
      }).toEqual({
        cells,
        forced: [],
        derivable: [],
      });
      expect(smallResiduals(table, withForced)).toEqual([]);
      const whole = protectTable(totalsOnly(table), { kind: 'count' });
      expect(hidden.map((row) => row[row.length - 1])).toEqual(whole.map((row) => row[0]));
    }
  });
});
