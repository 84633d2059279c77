import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@archipelago/ui';
import { useApiData } from '../../data/useApiData';
import { pageFromParams } from '../../components/Pagination';
import { PagedTable } from '../../components/PagedTable';
import { listImportRows } from '../cohorts-api';
import type { ImportRow } from '../cohortTypes';
import { problemText } from './problemText';

const PAGE_SIZE = 50;
const PAGE_PARAM = 'problemsPage';

interface ProblemLine {
  key: string;
  line: number;
  email: string;
  column: string;
  message: string;
}

/**
 * The rows that need fixing, one line per problem: the spreadsheet's line number (the header is
 * line 1), the column in the reader's words, and what is wrong.
 */
export function ImportProblemsTable({ importId, fileName }: { importId: string; fileName: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [params] = useSearchParams();
  const page = pageFromParams(params, PAGE_PARAM);
  const { state, reload } = useApiData(`${importId}:${page}`, async (signal) => {
    const answer = await listImportRows(importId, { outcome: 'invalid', page, pageSize: PAGE_SIZE }, signal);
    if (!answer.data) return answer;
    const rows: ImportRow[] = answer.data.items;
    const items: ProblemLine[] = rows.flatMap((row) =>
      row.problems.map((problem, index) => ({
        key: `${row.rowNumber}:${index}`,
        line: row.rowNumber + 1,
        email: row.email,
        column: problem.column,
        message: problemText(t, row, problem),
      })),
    );
    return { ...answer, data: { ...answer.data, items } };
  });

  return (
    <PagedTable<ProblemLine>
      state={state}
      reload={reload}
      loadingLines={5}
      loadingLabel={t('cohorts:import.problems.loading')}
      loadFailedTitle={t('cohorts:import.problems.loadFailed')}
      headingLevel={3}
      caption={t('cohorts:import.problems.caption', { name: fileName })}
      rowKey={(line) => line.key}
      paginationLabel={t('cohorts:import.problems.pagination')}
      pageParam={PAGE_PARAM}
      columns={[
        {
          key: 'line',
          header: t('cohorts:import.problems.line'),
          render: (line) => format.number(line.line, { useGrouping: false }),
        },
        {
          key: 'column',
          header: t('cohorts:import.problems.column'),
          render: (line) => t(`cohorts:import.columns.${line.column}`, { defaultValue: line.column }),
        },
        { key: 'email', header: t('cohorts:import.problems.email'), render: (line) => line.email },
        { key: 'message', header: t('cohorts:import.problems.message'), render: (line) => line.message },
      ]}
    />
  );
}
