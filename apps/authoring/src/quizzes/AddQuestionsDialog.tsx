import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Skeleton, Table } from '@archipelago/ui';
import { ProblemAlert } from '../components/ProblemAlert';
import { useApiData } from '../data/useApiData';
import { questionColumns } from '../questions/questionColumns';
import { QuestionFilterFields, readFilters } from '../questions/QuestionFilterFields';
import {
  listQuestions,
  type QuestionCategory,
  type QuestionFilters,
  type QuestionSummary,
} from '../questions/questions-api';

const PAGE_SIZE = 10;

export interface AddQuestionsDialogProps {
  open: boolean;
  courseId: string;
  categories: QuestionCategory[];
  /** Questions the quiz already holds as fixed slots: shown, but not offered again. */
  inQuiz: Set<string>;
  onClose: () => void;
  onAdd: (questions: QuestionSummary[]) => void;
}

/** The course's bank, filtered and paged in the dialog, with a checkbox per question. */
export function AddQuestionsDialog(props: AddQuestionsDialogProps) {
  const { open, onClose } = props;
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={t('quizzes.add.title')}>
      {open ? <Browser {...props} /> : null}
    </Dialog>
  );
}

function Browser({ courseId, categories, inQuiz, onClose, onAdd }: AddQuestionsDialogProps) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<QuestionFilters>({ page: 1, pageSize: PAGE_SIZE });
  const [chosen, setChosen] = useState<Map<string, QuestionSummary>>(new Map());
  const key = JSON.stringify(filters);
  const { state, reload } = useApiData(key, (signal) => listQuestions(courseId, filters, signal));

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setFilters(readFilters((name) => String(form.get(name) ?? ''), 1, PAGE_SIZE));
  };

  const toggle = (question: QuestionSummary, on: boolean) => {
    const next = new Map(chosen);
    if (on) next.set(question.id, question);
    else next.delete(question.id);
    setChosen(next);
  };

  return (
    <>
      <form
        role="search"
        aria-label={t('questions.filters.label')}
        className="studio-filters"
        onSubmit={apply}
        key={key}
      >
        <QuestionFilterFields values={filters} categories={categories} />
        <div className="arch-actions">
          <Button type="submit">{t('filters.apply')}</Button>
        </div>
      </form>
      {state.status === 'loading' ? <Skeleton lines={5} label={t('questions.bank.loading')} /> : null}
      {state.status === 'failed' ? (
        <ProblemAlert
          problem={state.problem}
          title={t('questions.bank.loadFailed')}
          onRetry={reload}
          headingLevel={3}
        />
      ) : null}
      {state.status === 'ready' && state.data.items.length === 0 ? <p>{t('questions.bank.empty')}</p> : null}
      {state.status === 'ready' && state.data.items.length > 0 ? (
        <>
          <Table
            caption={t('quizzes.add.caption')}
            rowKey={(row) => row.id}
            rows={state.data.items}
            columns={questionColumns(t, (row) =>
              inQuiz.has(row.id) ? (
                <span>{t('quizzes.add.alreadyIn', { name: row.name })}</span>
              ) : (
                <label className="quiz-add__choice">
                  <input
                    type="checkbox"
                    checked={chosen.has(row.id)}
                    onChange={(event) => toggle(row, event.target.checked)}
                  />{' '}
                  {row.name}
                </label>
              ),
            )}
          />
          <PagedButtons
            page={state.data.page}
            pages={Math.max(1, Math.ceil(state.data.total / state.data.pageSize))}
            onPage={(page) => setFilters({ ...filters, page })}
          />
        </>
      ) : null}
      <p role="status">{t('quizzes.add.chosen', { chosen: chosen.size })}</p>
      <div className="arch-actions">
        <Button
          disabled={chosen.size === 0}
          onClick={() => {
            onAdd([...chosen.values()]);
            onClose();
          }}
        >
          {t('quizzes.add.confirm', { chosen: chosen.size })}
        </Button>
        <Button variant="secondary" onClick={onClose}>
          {t('confirm.cancel')}
        </Button>
      </div>
    </>
  );
}

/** Previous and next as buttons: the dialog's pages are not in the URL. */
function PagedButtons({
  page,
  pages,
  onPage,
}: {
  page: number;
  pages: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav className="studio-pagination" aria-label={t('questions.bank.pages')}>
      <div className="arch-actions">
        <Button
          variant="secondary"
          aria-disabled={page <= 1 || undefined}
          onClick={() => page > 1 && onPage(page - 1)}
        >
          {t('pagination.previous')}
        </Button>
        <span>{t('pagination.page', { page, pages })}</span>
        <Button
          variant="secondary"
          aria-disabled={page >= pages || undefined}
          onClick={() => page < pages && onPage(page + 1)}
        >
          {t('pagination.next')}
        </Button>
      </div>
    </nav>
  );
}
