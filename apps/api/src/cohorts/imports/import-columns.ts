import { wordKey, type ImportLanguage } from './import-words.js';

export const IMPORT_COLUMNS = [
  'email',
  'given_name',
  'family_name',
  'country',
  'department',
  'job_title',
  'language',
  'sex',
  'age_band',
  'disability',
  'island_region',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly ImportColumn[] = ['email', 'given_name', 'family_name'];
export const REPORTING_COLUMNS: readonly ImportColumn[] = ['sex', 'age_band', 'disability', 'island_region'];

/** The header the template writes for each column, per language. */
export const COLUMN_HEADERS: Record<ImportLanguage, Record<ImportColumn, string>> = {
  en: {
    email: 'Email',
    given_name: 'Given name',
    family_name: 'Family name',
    country: 'Country',
    department: 'Ministry or department',
    job_title: 'Job title',
    language: 'Language',
    sex: 'Sex',
    age_band: 'Age band',
    disability: 'Disability',
    island_region: 'Island or region',
  },
  es: {
    email: 'Correo electrónico',
    given_name: 'Nombre',
    family_name: 'Apellidos',
    country: 'País',
    department: 'Ministerio o departamento',
    job_title: 'Cargo',
    language: 'Idioma',
    sex: 'Sexo',
    age_band: 'Franja de edad',
    disability: 'Discapacidad',
    island_region: 'Isla o región',
  },
  fr: {
    email: 'Courriel',
    given_name: 'Prénom',
    family_name: 'Nom',
    country: 'Pays',
    department: 'Ministère ou service',
    job_title: 'Fonction',
    language: 'Langue',
    sex: 'Sexe',
    age_band: "Tranche d'âge",
    disability: 'Handicap',
    island_region: 'Île ou région',
  },
};

/**
 * Other headers people write for the same column (spreadsheets made before the template, or by
 * another system). Compared as word keys, like the template's own headers and the column keys.
 */
const ALIASES: Record<ImportColumn, string[]> = {
  email: [
    'e-mail',
    'email address',
    'e-mail address',
    'mail',
    'correo',
    'correo electronico',
    'adresse e-mail',
    'adresse électronique',
    'adresse courriel',
  ],
  given_name: ['first name', 'forename', 'nombres', 'nombre de pila', 'prénoms'],
  family_name: ['last name', 'surname', 'apellido', 'nom de famille'],
  country: ['country code', 'código de país', 'code pays'],
  department: [
    'department',
    'ministry',
    'organisation',
    'organization',
    'ministerio',
    'departamento',
    'ministère',
    'service',
    'département',
  ],
  job_title: ['position', 'title', 'puesto', 'poste', 'titre du poste'],
  language: ['preferred language', 'idioma preferido', 'langue préférée'],
  sex: ['gender', 'género', 'genre'],
  age_band: ['age', 'age group', 'edad', 'grupo de edad', 'âge', "groupe d'âge"],
  disability: ['disabled', 'discapacitado', 'situation de handicap'],
  island_region: ['island', 'region', 'isla', 'región', 'île', 'région'],
};

const COLUMN_BY_KEY = new Map<string, ImportColumn>();
for (const column of IMPORT_COLUMNS) {
  const words = [
    column,
    ...ALIASES[column],
    ...Object.values(COLUMN_HEADERS).map((headers) => headers[column]),
  ];
  for (const word of words) COLUMN_BY_KEY.set(wordKey(word), column);
}

export interface HeaderMatch {
  /** The column of each position in the file, or null for a column we do not know (ignored). */
  columns: Array<ImportColumn | null>;
  /** Headers we do not know, as written, in file order. */
  unknown: string[];
  /** Headers that name a column already named further left (the leftmost one is read). */
  repeated: string[];
  /** Required columns the file lacks. */
  missing: ImportColumn[];
}

/** Recognises each header of the file's first line. */
export function matchHeaders(headers: string[]): HeaderMatch {
  const seen = new Set<ImportColumn>();
  const match: HeaderMatch = { columns: [], unknown: [], repeated: [], missing: [] };
  for (const header of headers) {
    const column = COLUMN_BY_KEY.get(wordKey(header)) ?? null;
    if (column && seen.has(column)) {
      match.columns.push(null);
      match.repeated.push(header);
      continue;
    }
    if (column) seen.add(column);
    else if (header.trim() !== '') match.unknown.push(header);
    match.columns.push(column);
  }
  match.missing = REQUIRED_COLUMNS.filter((column) => !seen.has(column));
  return match;
}
