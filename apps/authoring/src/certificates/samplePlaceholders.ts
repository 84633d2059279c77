import type { CertificatePlace } from './useCertificatePlace';
import type { Placeholder, TemplateLanguage } from './certificateTypes';

/** The learner the preview (and the sample PDF) is drawn for: a long name with diacritics. */
export const SAMPLE_LEARNER = 'Ana María Pérez-Łukasiewicz';

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Sample values for the preview, formatted in the template's language as the PDF is. */
export function sampleValues(
  place: CertificatePlace,
  language: TemplateLanguage,
): Record<Placeholder, string> {
  return {
    learnerName: SAMPLE_LEARNER,
    courseTitle: place.courseTitle,
    hours: place.estimatedHours === null ? '' : new Intl.NumberFormat(language).format(place.estimatedHours),
    completionDate: new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(new Date()),
    cohort: '',
    institution: place.institutionName,
  };
}

/** A placeholder in brackets, or alone, with the space before it (as the API's PDF rule reads them). */
const BRACKETED = /[ \t]*[([][ \t]*\{\{\s*([^{}]*?)\s*\}\}[ \t]*[)\]]/g;
const SPACED = /[ \t]*\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * The text with known placeholders filled; unknown ones stay visible so the author notices them.
 * An empty one (the sample has no cohort) goes with the space before it and its brackets, as on
 * the PDF, so the preview shows what a learner in no cohort will get.
 */
export function fillPlaceholders(text: string, values: Record<Placeholder, string>): string {
  const isEmpty = (name: string) => name in values && values[name as Placeholder].trim() === '';
  return text
    .replace(BRACKETED, (whole, name: string) => (isEmpty(name) ? '' : whole))
    .replace(SPACED, (whole, name: string) => (isEmpty(name) ? '' : whole))
    .replace(PLACEHOLDER, (whole, name: string) => (name in values ? values[name as Placeholder] : whole));
}

/** The text with `insert` put in place of the selection, and where the caret goes after it. */
export function insertAt(text: string, start: number, end: number, insert: string) {
  return { text: text.slice(0, start) + insert + text.slice(end), caret: start + insert.length };
}
