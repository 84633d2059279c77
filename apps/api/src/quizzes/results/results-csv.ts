import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe } from '../../common/csv/spreadsheet-safe.js';
import { readLocales, serverLanguage } from '../../common/i18n/server-languages.js';

type Labels = Record<string, string>;

const labels = readLocales<{ csv: Labels }>(new URL('./locales/', import.meta.url));

export interface CsvAttempt {
  displayName: string;
  email: string;
  number: number;
  status: 'open' | 'submitted';
  startedAt: Date;
  submittedAt: Date | null;
  autoSubmitted: boolean;
  points: number | null;
  maxPoints: number;
  score: number | null;
  passed: boolean | null;
  pendingGrading: number;
  /** Points per slot number; a slot still to grade or unanswered-and-open is absent. */
  slotPoints: Record<string, number | null>;
}

const number = (value: number | null) => (value === null ? '' : String(Math.round(value * 100) / 100));

/** One row per attempt, headed in the trainer's language; a UTF-8 byte order mark for Excel. */
export function resultsCsv(attempts: CsvAttempt[], slotCount: number, language: string): string {
  const l = labels[serverLanguage(language)].csv;
  const yesNo = (value: boolean | null) => (value === null ? '' : value ? l.yes! : l.no!);
  const slots = Array.from({ length: slotCount }, (_, i) => String(i + 1));
  const header = [
    l.learner!,
    l.email!,
    l.attempt!,
    l.status!,
    l.startedAt!,
    l.submittedAt!,
    l.autoSubmitted!,
    l.points!,
    l.maxPoints!,
    l.score!,
    l.passed!,
    l.pendingGrading!,
    ...slots.map((slot) => l.question!.replace('{{slot}}', slot)),
  ];
  const rows = attempts.map((a) => [
    spreadsheetSafe(a.displayName),
    spreadsheetSafe(a.email),
    String(a.number),
    a.status === 'open' ? l.open! : l.submitted!,
    a.startedAt.toISOString(),
    a.submittedAt?.toISOString() ?? '',
    yesNo(a.status === 'submitted' ? a.autoSubmitted : null),
    number(a.points),
    number(a.maxPoints),
    a.score === null ? '' : number(a.score * 100),
    yesNo(a.passed),
    String(a.pendingGrading),
    ...slots.map((slot) => number(a.slotPoints[slot] ?? null)),
  ]);
  return '\uFEFF' + stringify([header, ...rows], { record_delimiter: 'windows' });
}
