import { stringify } from 'csv-stringify/sync';
import { COLUMN_HEADERS, IMPORT_COLUMNS, type ImportColumn } from './import-columns.js';
import type { ImportLanguage } from './import-words.js';

const EXAMPLES: Record<ImportLanguage, Record<ImportColumn, string>> = {
  en: {
    email: 'ana.tuilagi@example.org',
    given_name: 'Ana',
    family_name: 'Tuilagi',
    country: 'Fiji',
    department: 'Ministry of Finance',
    job_title: 'Budget officer',
    language: 'en',
    sex: 'female',
    age_band: '25_34',
    disability: 'no',
    island_region: 'Viti Levu',
  },
  es: {
    email: 'lucia.perez@example.org',
    given_name: 'Lucía',
    family_name: 'Pérez Gómez',
    country: 'República Dominicana',
    department: 'Ministerio de Hacienda',
    job_title: 'Analista de presupuesto',
    language: 'es',
    sex: 'mujer',
    age_band: '25_34',
    disability: 'no',
    island_region: 'La Española',
  },
  fr: {
    email: 'marie.joseph@example.org',
    given_name: 'Marie',
    family_name: 'Joseph',
    country: 'Haïti',
    department: 'Ministère des Finances',
    job_title: 'Analyste budgétaire',
    language: 'fr',
    sex: 'femme',
    age_band: '25_34',
    disability: 'non',
    island_region: 'Hispaniola',
  },
};

/**
 * The file to fill in: the headers in the language, and one example person. It starts with a
 * BOM so that Excel opens it as UTF-8 (accents intact) rather than in the system's code page.
 */
export function importTemplate(language: ImportLanguage): string {
  const rows = [
    IMPORT_COLUMNS.map((column) => COLUMN_HEADERS[language][column]),
    IMPORT_COLUMNS.map((column) => EXAMPLES[language][column]),
  ];
  return '\ufeff' + stringify(rows, { record_delimiter: '\r\n' });
}
