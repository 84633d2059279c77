import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe } from '../../common/csv/spreadsheet-safe.js';
import { behindReason, type CohortFacts, type Standing } from './learner-standing.js';
import { progressText } from './progress-strings.js';

/** One row per learner, headed in `language`, then a group of columns per course; BOM for Excel. */
export function progressCsv(standings: readonly Standing[], facts: CohortFacts, language: string): string {
  const t = (key: string, params: Record<string, string | number> = {}) =>
    progressText(language, `csv.${key}`, params);
  const yesNo = (value: boolean) => (value ? t('yes') : t('no'));
  const header = [
    t('name'),
    t('email'),
    t('status'),
    t('behind'),
    t('behindReason'),
    t('progress'),
    t('lastActivity'),
    ...facts.courses.flatMap(({ title: course }) => [
      t('courseProgress', { course }),
      t('courseCompleted', { course }),
      t('quizBest', { course }),
      t('quizPassed', { course }),
      t('scorm', { course }),
      t('certificate', { course }),
      t('certificateCode', { course }),
    ]),
  ];
  const rows = standings.map((s) => [
    s.member.displayName,
    s.member.email,
    progressText(language, `status.${s.status}`),
    yesNo(s.behind !== null),
    behindReason(s.behind, language) ?? '',
    String(s.progressPercent),
    s.lastActivityAt?.toISOString() ?? '',
    ...s.courses.flatMap((course) => [
      course.enrolled ? String(course.progressPercent) : t('notEnrolled'),
      course.completedAt ?? '',
      course.quiz?.bestScorePercent === null || !course.quiz ? '' : String(course.quiz.bestScorePercent),
      course.quiz ? yesNo(course.quiz.passed) : '',
      course.scorm ? t(`scormStatus.${course.scorm.status}`) : '',
      course.certificate ? t(`certificateStatus.${course.certificate.status}`) : '',
      course.certificate?.code ?? '',
    ]),
  ]);
  return (
    '\uFEFF' +
    stringify(
      [header, ...rows].map((row) => row.map(spreadsheetSafe)),
      { record_delimiter: 'windows' },
    )
  );
}
