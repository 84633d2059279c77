import type { Recommendation, VersionContent, VersionView } from './frameworkTypes';

/*
 * A draft version as the editor holds it: every list item carries a `uid` that stays with it when it
 * is moved, so React keeps its inputs (and focus) and the move buttons can find it again. Numbers
 * stay text until saving, so a half-typed value is kept as typed and the API names what is wrong.
 */

export interface DraftLevel {
  uid: string;
  value: string;
  label: string;
  description: string;
}

export interface DraftStatement {
  uid: string;
  text: string;
  guidance: string;
}

export interface DraftDimension {
  uid: string;
  key: string;
  name: string;
  description: string;
  statements: DraftStatement[];
  recommendations: Recommendation[];
}

export interface Draft {
  language: VersionContent['language'];
  scale: DraftLevel[];
  dimensions: DraftDimension[];
}

let lastUid = 0;
export const newUid = (): string => `u${++lastUid}`;

export const emptyStatement = (): DraftStatement => ({ uid: newUid(), text: '', guidance: '' });

export const emptyDimension = (): DraftDimension => ({
  uid: newUid(),
  key: '',
  name: '',
  description: '',
  statements: [emptyStatement()],
  recommendations: [],
});

/** The next level one above the highest, so adding levels in order needs no typing of values. */
export const nextLevel = (scale: DraftLevel[]): DraftLevel => {
  const values = scale.map((level) => Number(level.value)).filter(Number.isInteger);
  const value = values.length > 0 ? Math.max(...values) + 1 : 1;
  return { uid: newUid(), value: String(value), label: '', description: '' };
};

export function draftOf(version: VersionView): Draft {
  return {
    language: version.language,
    scale: version.scale.map((level) => ({
      uid: newUid(),
      value: String(level.value),
      label: level.label,
      description: level.description ?? '',
    })),
    dimensions: version.dimensions.map((dimension) => ({
      uid: newUid(),
      key: dimension.key,
      name: dimension.name,
      description: dimension.description,
      statements: dimension.statements.map((s) => ({ uid: newUid(), text: s.text, guidance: s.guidance })),
      recommendations: dimension.recommendations,
    })),
  };
}

/** The request body: empty optional texts left out, values as numbers (NaN is refused by the API by name). */
export function contentOf(draft: Draft): VersionContent {
  const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());
  return {
    language: draft.language,
    scale: draft.scale.map((level) => ({
      value: level.value.trim() === '' ? Number.NaN : Number(level.value),
      label: level.label.trim(),
      description: optional(level.description),
    })),
    dimensions: draft.dimensions.map((dimension) => ({
      key: dimension.key.trim(),
      name: dimension.name.trim(),
      description: optional(dimension.description),
      statements: dimension.statements.map((s) => ({ text: s.text.trim(), guidance: optional(s.guidance) })),
      recommendations: dimension.recommendations.map((r) => ({
        courseId: r.courseId,
        moduleId: r.moduleId ?? undefined,
      })),
    })),
  };
}

/** `items` with the one at `from` moved by `by` places (no change past either end). */
export function moved<T>(items: T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  if (from < 0 || to < 0 || to >= items.length) return items;
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/** A key from a name, as the API wants keys: lowercase words joined by hyphens. */
export function keyFromName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/**
 * Field → control id for the error summary: the API names fields as dotted paths into the body
 * ("dimensions.2.statements.0.text"), so the map follows the draft's current order.
 */
export function draftFieldIds(draft: Draft): Record<string, string> {
  const ids: Record<string, string> = { language: 'dgca-version-language', scale: 'dgca-scale' };
  draft.scale.forEach((level, i) => {
    ids[`scale.${i}`] = `dgca-level-${level.uid}-value`;
    for (const field of ['value', 'label', 'description'])
      ids[`scale.${i}.${field}`] = `dgca-level-${level.uid}-${field}`;
  });
  ids.dimensions = 'dgca-dimensions';
  draft.dimensions.forEach((dimension, i) => {
    const at = `dimensions.${i}`;
    ids[at] = `dgca-dimension-${dimension.uid}-name`;
    for (const field of ['key', 'name', 'description'])
      ids[`${at}.${field}`] = `dgca-dimension-${dimension.uid}-${field}`;
    ids[`${at}.statements`] = `dgca-dimension-${dimension.uid}-statements`;
    ids[`${at}.recommendations`] = `dgca-dimension-${dimension.uid}-recommendations`;
    dimension.statements.forEach((statement, j) => {
      ids[`${at}.statements.${j}`] = `dgca-statement-${statement.uid}-text`;
      ids[`${at}.statements.${j}.text`] = `dgca-statement-${statement.uid}-text`;
      ids[`${at}.statements.${j}.guidance`] = `dgca-statement-${statement.uid}-guidance`;
    });
    dimension.recommendations.forEach((_, j) => {
      ids[`${at}.recommendations.${j}`] = `dgca-dimension-${dimension.uid}-recommendations`;
      ids[`${at}.recommendations.${j}.courseId`] = `dgca-dimension-${dimension.uid}-recommendations`;
      ids[`${at}.recommendations.${j}.moduleId`] = `dgca-dimension-${dimension.uid}-recommendations`;
    });
  });
  return ids;
}
