import { AGE_BANDS, DISABILITY_VALUES, SEX_VALUES } from '../../profile/reporting-profile.entity.js';
import { wordKey } from './import-words.js';

export type ReportingChoiceField = 'sex' | 'age_band' | 'disability';

const PREFER_NOT = [
  'prefer not to say',
  'rather not say',
  'prefiero no decirlo',
  'prefiero no responder',
  'prefiero no contestar',
  'préfère ne pas répondre',
  'je préfère ne pas répondre',
  'préfère ne pas le dire',
  'ne souhaite pas répondre',
];

/** Words people write for each value, in English, Spanish and French (besides the value itself). */
const WORDS: Record<ReportingChoiceField, Record<string, string[]>> = {
  sex: {
    female: ['f', 'woman', 'mujer', 'femenino', 'femme', 'féminin'],
    male: ['m', 'man', 'hombre', 'masculino', 'homme', 'masculin'],
    another: ['other', 'otro', 'otra', 'otro sexo', 'autre'],
    prefer_not_to_say: PREFER_NOT,
  },
  age_band: {
    under_25: [
      '<25',
      'under 25',
      'less than 25',
      'menos de 25',
      'menor de 25',
      'moins de 25',
      '18-24',
      '18 24',
    ],
    '25_34': ['25 to 34', '25 a 34', '25 à 34'],
    '35_44': ['35 to 44', '35 a 44', '35 à 44'],
    '45_54': ['45 to 54', '45 a 54', '45 à 54'],
    '55_64': ['55 to 64', '55 a 64', '55 à 64'],
    '65_plus': ['65+', '65 or more', '65 and over', '65 y más', '65 o más', '65 et plus', '65 ou plus'],
    prefer_not_to_say: PREFER_NOT,
  },
  disability: {
    yes: ['y', 'sí', 'oui'],
    no: ['n', 'non'],
    prefer_not_to_say: PREFER_NOT,
  },
};

const VALUE_BY_KEY = Object.fromEntries(
  (Object.keys(WORDS) as ReportingChoiceField[]).map((field) => {
    const byKey = new Map<string, string>();
    for (const [value, words] of Object.entries(WORDS[field])) {
      for (const word of [value, ...words]) byKey.set(wordKey(word), value);
    }
    return [field, byKey];
  }),
) as Record<ReportingChoiceField, Map<string, string>>;

/** The canonical value a cell means, or null when it is none we know. */
export function reportingValue(field: ReportingChoiceField, cell: string): string | null {
  return VALUE_BY_KEY[field].get(wordKey(cell)) ?? null;
}

/** The canonical values of a field, for messages. */
export const REPORTING_CHOICES: Record<ReportingChoiceField, readonly string[]> = {
  sex: SEX_VALUES,
  age_band: AGE_BANDS,
  disability: DISABILITY_VALUES,
};
