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

/** A placeholder in brackets, with the space before it: "(…)" or "[…]" around one placeholder. */
const BRACKETED = /[ \t]*[([][ \t]*\{\{\s*([^{}]*?)\s*\}\}[ \t]*[)\]]/g;
/** A placeholder with the space before it. */
const SPACED = /[ \t]*\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * The text with every placeholder replaced by its value (unknown ones are left as they are). A
 * placeholder with nothing to say (no cohort, no hours) leaves no gap: it goes with the space
 * before it, and with its brackets when written "({{cohort}})", so "… completed the course
 * ({{cohort}})." reads "… completed the course." for a learner in no cohort.
 */
export function fillPlaceholders(text: string, values: Record<Placeholder, string>): string {
  const isEmpty = (name: string) => known.has(name) && values[name as Placeholder].trim() === '';
  return text
    .replace(BRACKETED, (whole, name: string) => (isEmpty(name) ? '' : whole))
    .replace(SPACED, (whole, name: string) => (isEmpty(name) ? '' : whole))
    .replace(PLACEHOLDER, (whole, name: string) => (known.has(name) ? values[name as Placeholder] : whole));
}
