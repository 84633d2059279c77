import type { EntityManager } from 'typeorm';

const SLUG_MAX = 100;
/** Room left for a "-NNN" suffix when the plain slug is taken. */
const BASE_MAX = SLUG_MAX - 8;

/** An address slug made from a title: "Digital Government: Basics" → "digital-government-basics"; '' when nothing is left. */
export function slugFromTitle(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, BASE_MAX)
    .replace(/-+$/, '');
}

/**
 * `base` if no course uses it, else the first free `base-2`, `base-3`…, in one query. Two callers
 * racing for the same slug both get it here; the unique constraint refuses the second (a retry then
 * finds the next one).
 */
export async function freeSlug(tx: EntityManager, base: string): Promise<string> {
  const trimmed = base.slice(0, BASE_MAX).replace(/-+$/, '');
  const rows = (await tx.query(
    `SELECT slug FROM course WHERE slug = $1 OR slug ~ ('^' || $1 || '-[0-9]+$')`,
    [trimmed],
  )) as { slug: string }[];
  const taken = new Set(rows.map((row) => row.slug));
  if (!taken.has(trimmed)) return trimmed;
  let n = 2;
  while (taken.has(`${trimmed}-${n}`)) n++;
  return `${trimmed}-${n}`;
}
