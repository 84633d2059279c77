import { useTranslation } from 'react-i18next';
import { useFormatters } from '@archipelago/ui';

// The Caribbean countries and territories the programme serves first, then a few partners.
const COUNTRIES = [
  'AG',
  'AI',
  'AW',
  'BB',
  'BM',
  'BQ',
  'BS',
  'BZ',
  'CU',
  'CW',
  'DM',
  'DO',
  'GD',
  'GF',
  'GP',
  'GY',
  'HT',
  'JM',
  'KN',
  'KY',
  'LC',
  'MQ',
  'MS',
  'PR',
  'SR',
  'SX',
  'TC',
  'TT',
  'VC',
  'VG',
  'VI',
];

/** <option>s for the country, named in the learner's language and sorted by that name. */
export function CountryOptions({ current }: { current: string }) {
  const { region } = useFormatters();
  const { i18n } = useTranslation();
  const codes = current && !COUNTRIES.includes(current) ? [...COUNTRIES, current] : COUNTRIES;
  return codes
    .map((code) => ({ code, name: region(code) }))
    .sort((a, b) => a.name.localeCompare(b.name, i18n.language))
    .map(({ code, name }) => (
      <option key={code} value={code}>
        {name}
      </option>
    ));
}
