import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, Page, buttonClassName } from '@archipelago/ui';
import { FilterForm } from '../components/FilterForm';
import { PagedTable } from '../components/PagedTable';
import { pageFromParams } from '../components/Pagination';
import { useApiData } from '../data/useApiData';
import { GiftImportDialog } from './GiftImportDialog';
import { QuestionBreadcrumb } from './QuestionBreadcrumb';
import { QuestionFilterFields, readFilters } from './QuestionFilterFields';
import { giftExportUrl, listCategories, listQuestions } from './questions-api';
import { questionColumns } from './questionColumns';
import './questions.css';

const FILTERS = ['q', 'category', 'tag', 'type'] as const;
const PAGE_SIZE = 25;

/** /courses/:courseId/questions — the course's question bank: browse, filter, add, import, export. */
export default function QuestionBankPage() {
  const { t } = useTranslation();
  const { courseId = '' } = useParams();
  const [params] = useSearchParams();
  const [importing, setImporting] = useState(false);
  const filters = readFilters((name) => params.get(name), pageFromParams(params), PAGE_SIZE);
  const questions = useApiData(`${courseId}?${params.toString()}`, (signal) =>
    listQuestions(courseId, filters, signal),
  );
  const categories = useApiData(`categories:${courseId}`, (signal) => listCategories(courseId, signal));
  const categoryList = categories.state.status === 'ready' ? categories.state.data : [];
  const reloadAll = () => {
    questions.reload();
    categories.reload();
  };

  return (
    <Page title={t('questions.bank.title')}>
      <QuestionBreadcrumb courseId={courseId} />
      <p>{t('questions.bank.intro')}</p>
      <div className="arch-actions">
        <Link
          className={buttonClassName()}
          to={`/courses/${courseId}/questions/new${categoryQuery(filters.category)}`}
        >
          {t('questions.bank.new')}
        </Link>
        <Button variant="secondary" aria-haspopup="dialog" onClick={() => setImporting(true)}>
          {t('questions.bank.import')}
        </Button>
        <a className={buttonClassName('secondary')} href={giftExportUrl(courseId)} download>
          {t('questions.bank.exportAll')}
        </a>
      </div>
      <GiftImportDialog
        open={importing}
        courseId={courseId}
        categories={categoryList}
        onClose={() => setImporting(false)}
        onImported={reloadAll}
      />

      <section className="studio-section" aria-labelledby="bank-categories-heading">
        <h2 id="bank-categories-heading">{t('questions.bank.categories')}</h2>
        {categoryList.length === 0 ? (
          <p>{t('questions.bank.noCategories')}</p>
        ) : (
          <ul className="question-categories">
            {categoryList.map((category) => (
              <li key={category.name}>
                <Link to={{ search: new URLSearchParams({ category: category.name }).toString() }}>
                  {t('questions.bank.categoryLink', { name: category.name, questions: category.count })}
                </Link>{' '}
                <a
                  href={giftExportUrl(courseId, category.name)}
                  download
                  aria-label={t('questions.bank.exportCategoryLabel', { name: category.name })}
                >
                  {t('questions.bank.exportCategory')}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="studio-section" aria-labelledby="bank-questions-heading">
        <h2 id="bank-questions-heading">{t('questions.bank.questions')}</h2>
        <FilterForm label={t('questions.filters.label')} names={[...FILTERS]}>
          <QuestionFilterFields values={filters} categories={categoryList} />
        </FilterForm>
        <PagedTable
          state={questions.state}
          reload={questions.reload}
          loadingLines={6}
          loadingLabel={t('questions.bank.loading')}
          loadFailedTitle={t('questions.bank.loadFailed')}
          headingLevel={3}
          empty={t('questions.bank.empty')}
          caption={t('questions.bank.caption')}
          rowKey={(row) => row.id}
          columns={questionColumns(t, (row) => (
            <Link to={`/questions/${row.id}`}>{row.name}</Link>
          ))}
          paginationLabel={t('questions.bank.pages')}
        />
      </section>
    </Page>
  );
}

function categoryQuery(category: string | undefined): string {
  return category ? `?${new URLSearchParams({ category }).toString()}` : '';
}
