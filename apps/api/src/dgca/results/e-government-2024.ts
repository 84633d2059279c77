/**
 * The United Nations E-Government Survey 2024 indices of the countries the project works with,
 * shown beside a country's results as context (never as a ranking of the self-assessment).
 * Source: UN DESA, United Nations E-Government Survey 2024, E-Government Knowledgebase data
 * center (https://publicadministration.un.org/egovkb/en-us/Data-Center), as listed in the
 * product brief; check against the official data before release. EGDI = E-Government Development
 * Index, OSI = Online Service Index, HCI = Human Capital Index, TII = Telecommunications
 * Infrastructure Index, EPI = E-Participation Index.
 */
export interface EGovernmentIndices {
  country: string;
  year: 2024;
  egdi: number;
  rank: number;
  osi: number;
  hci: number;
  tii: number;
  epi: number;
  source: { title: string; publisher: string; url: string };
}

export const E_GOVERNMENT_SOURCE = {
  title: 'United Nations E-Government Survey 2024',
  publisher: 'UN DESA',
  url: 'https://publicadministration.un.org/egovkb/en-us/Data-Center',
} as const;

type Indices = Omit<EGovernmentIndices, 'country' | 'year' | 'source'>;

const SURVEY_2024: Readonly<Record<string, Indices>> = {
  BS: { egdi: 0.7143, rank: 83, osi: 0.5402, hci: 0.7376, tii: 0.8652, epi: 0.3151 },
  GY: { egdi: 0.5443, rank: 128, osi: 0.3455, hci: 0.5933, tii: 0.6942, epi: 0.2192 },
  LC: { egdi: 0.5255, rank: 133, osi: 0.3229, hci: 0.6037, tii: 0.6498, epi: 0.137 },
};

/** The 2024 indices of a country (ISO 3166-1 alpha-2), or null when the table does not have it. */
export function eGovernmentIndices(country: string): EGovernmentIndices | null {
  const indices = SURVEY_2024[country.toUpperCase()];
  return indices
    ? { country: country.toUpperCase(), year: 2024, ...indices, source: { ...E_GOVERNMENT_SOURCE } }
    : null;
}
