/** The placeholders a template's title and body may use, filled in when a certificate is drawn. */
export const PLACEHOLDERS = [
  'learnerName',
  'courseTitle',
  'hours',
  'completionDate',
  'cohort',
  'institution',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const known = new Set<string>(PLACEHOLDERS);

/** The names inside {{…}} that are not placeholders, each once, in order of appearance. */
export function unknownPlaceholders(text: string): string[] {
  const unknown = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER)) if (!known.has(match[1]!)) unknown.add(match[1]!);
  return [...unknown];
}

/** The text with every placeholder replaced by its value (unknown ones are left as they are). */
export function fillPlaceholders(text: string, values: Record<Placeholder, string>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    known.has(name) ? values[name as Placeholder] : whole,
  );
}
