import { readFileSync } from 'node:fs';
import { TEMPLATE_LANGUAGES, type TemplateLanguage } from '../templates/certificate-template.js';

interface CertificateStrings {
  defaultTemplate: { title: string; body: string };
  pdf: {
    awardedTo: string;
    course: string;
    hours_one: string;
    hours_other: string;
    completedOn: string;
    validUntil: string;
    code: string;
    verifyAt: string;
    qrAlt: string;
    subject: string;
    keywords: string;
  };
}

/** Read once per process: the wording of certificates (PDF and default template) in each language. */
const strings = Object.fromEntries(
  TEMPLATE_LANGUAGES.map((language) => [
    language,
    JSON.parse(readFileSync(new URL(`./${language}.json`, import.meta.url), 'utf8')) as CertificateStrings,
  ]),
) as Record<TemplateLanguage, CertificateStrings>;

/** Made once: building an Intl formatter costs more than a certificate's worth of formatting. */
const formats = Object.fromEntries(
  TEMPLATE_LANGUAGES.map((language) => [
    language,
    {
      number: new Intl.NumberFormat(language, { maximumFractionDigits: 1 }),
      plural: new Intl.PluralRules(language),
      date: new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }),
    },
  ]),
) as Record<
  TemplateLanguage,
  { number: Intl.NumberFormat; plural: Intl.PluralRules; date: Intl.DateTimeFormat }
>;

export const certificateStrings = (language: TemplateLanguage): CertificateStrings => strings[language];

/** Replaces {{name}} in a locale string with the given values. */
export const interpolate = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

/** "1 hour", "2.5 hours" in the language, with the language's decimal separator. */
export function hoursText(language: TemplateLanguage, hours: number): string {
  const pdf = strings[language].pdf;
  const count = formats[language].number.format(hours);
  const form = formats[language].plural.select(hours) === 'one' ? pdf.hours_one : pdf.hours_other;
  return interpolate(form, { count });
}

/** A date as the template's language writes it in full ("30 November 2026"), in UTC. */
export const longDate = (language: TemplateLanguage, date: Date): string =>
  formats[language].date.format(date);
