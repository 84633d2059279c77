import { interpolate, readLocales } from '../../common/i18n/server-languages.js';
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
const strings = readLocales<CertificateStrings>(new URL('./', import.meta.url));

/** Made once: building an Intl formatter costs more than a certificate's worth of formatting. */
const formats = Object.fromEntries(
  TEMPLATE_LANGUAGES.map((language) => [
    language,
    {
      number: new Intl.NumberFormat(language, { maximumFractionDigits: 1 }),
      plural: new Intl.PluralRules(language),
    },
  ]),
) as Record<TemplateLanguage, { number: Intl.NumberFormat; plural: Intl.PluralRules }>;

export const certificateStrings = (language: TemplateLanguage): CertificateStrings => strings[language];

/** "1 hour", "2.5 hours" in the language, with the language's decimal separator. */
export function hoursText(language: TemplateLanguage, hours: number): string {
  const pdf = strings[language].pdf;
  const count = formats[language].number.format(hours);
  const form = formats[language].plural.select(hours) === 'one' ? pdf.hours_one : pdf.hours_other;
  return interpolate(form, { count });
}
