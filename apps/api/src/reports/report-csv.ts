import { stringify } from 'csv-stringify/sync';
import { MEASURES, NO_COHORT, NOT_STATED, OTHER, type MeasureName } from './report-dimensions.js';
import type { ReportBreakdown, ReportCell } from './reports.dto.js';
import { spreadsheetSafe } from '../common/csv/spreadsheet-safe.js';
import { countryName, readLocales, serverLanguage } from '../common/i18n/server-languages.js';

interface CsvStrings {
  dimensions: Record<string, string>;
  measures: Record<MeasureName, string>;
  categories: Record<string, string>;
  noCohort: string;
  otherDepartments: string;
  notStated: string;
  total: string;
  all: string;
  suppressed: string;
}

const strings = readLocales<{ csv: CsvStrings }>(new URL('./locales/', import.meta.url));

/**
 * The breakdown as rows a spreadsheet sorts and filters: one per group × category, the group's
 * total after its categories, then the totals. A withheld value reads as the word for suppressed
 * in the heading's language, never as an empty cell that could pass for zero.
 */
export function breakdownCsv(report: ReportBreakdown, language: string): string {
  const l = strings[serverLanguage(language)].csv;
  const disaggregated = report.disaggregate !== 'none';
  const groupName = (key: string, label: string | null) => {
    if (key === NOT_STATED) return l.notStated;
    if (report.by === 'cohort' && key === NO_COHORT) return l.noCohort;
    if (report.by === 'department' && key === OTHER) return l.otherDepartments;
    if (report.by === 'country') return countryName(language, key);
    return label ?? key;
  };
  const categoryName = (key: string) => l.categories[key] ?? key;
  const values = (cell: ReportCell) =>
    MEASURES.map((measure) => {
      if (cell.withheld.includes(measure)) return l.suppressed;
      const value = cell[measure];
      if (value === null) return '';
      return measure === 'passRate' ? String(Math.round(value * 1000) / 10) : String(value);
    });
  const line = (group: string, category: string | null, cell: ReportCell) => [
    spreadsheetSafe(group),
    ...(disaggregated ? [spreadsheetSafe(category ?? l.total)] : []),
    ...values(cell),
  ];
  const header = [
    l.dimensions[report.by]!,
    ...(disaggregated ? [l.dimensions[report.disaggregate]!] : []),
    ...MEASURES.map((measure) => l.measures[measure]),
  ];
  const rows: string[][] = [];
  const block = (group: string, cells: Record<string, ReportCell>, total: ReportCell) => {
    if (disaggregated)
      for (const category of report.categories)
        rows.push(line(group, categoryName(category), cells[category]!));
    rows.push(line(group, null, total));
  };
  for (const group of report.groups) block(groupName(group.key, group.label), group.cells, group.total);
  block(l.all, report.totals.cells, report.totals.total);
  return '\uFEFF' + stringify([header, ...rows], { record_delimiter: 'windows' });
}
