import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Page, Skeleton, Table, useAnnounce, useFormatters } from '@archipelago/ui';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ProblemAlert } from '../components/ProblemAlert';
import { useApiData } from '../data/useApiData';
import { useSubmit } from '../data/useSubmit';
import '../lessons/lessons.css';
import './questions.css';
import { QuestionBreadcrumb } from './QuestionBreadcrumb';
import { QuestionForm } from './QuestionForm';
import {
  archiveQuestion,
  getQuestion,
  listCategories,
  updateQuestion,
  type QuestionDetail,
  type QuestionFields,
} from './questions-api';

/**
 * /questions/:questionId — edit a bank question. Saving makes a new version: attempts already taken
 * keep the version they were given (a quiz's results page can regrade them on purpose).
 */
export default function QuestionPage() {
  const { t } = useTranslation();
  const { questionId = '' } = useParams();
  const { state, reload } = useApiData(questionId, (signal) => getQuestion(questionId, signal));
  if (state.status === 'loading') {
    return (
      <Page title={t('questions.edit.loadingTitle')}>
        <Skeleton lines={12} label={t('questions.edit.loading')} />
      </Page>
    );
  }
  if (state.status === 'failed') {
    return (
      <Page title={t('questions.edit.loadingTitle')}>
        <ProblemAlert title={t('questions.edit.loadFailed')} problem={state.problem} onRetry={reload} />
      </Page>
    );
  }
  return (
    <QuestionEditor key={`${state.data.id}:${state.data.version}`} loaded={state.data} reload={reload} />
  );
}

function QuestionEditor({ loaded, reload }: { loaded: QuestionDetail; reload: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const submit = useSubmit();
  const archive = useSubmit();
  const [detail, setDetail] = useState(loaded);
  const [stale, setStale] = useState<QuestionFields | null>(null);
  const [confirmArchive, setConfirmArchive] = useState(false);
  const { state: categoriesState } = useApiData(`categories:${detail.courseId}`, (signal) =>
    listCategories(detail.courseId, signal),
  );
  const categories = categoriesState.status === 'ready' ? categoriesState.data.map((c) => c.name) : [];

  const save = async (fields: QuestionFields, version = detail.version) => {
    setStale(null);
    const result = await submit.run(() => updateQuestion(detail.id, { ...fields, version }));
    if (result.ok && result.data) {
      setDetail(result.data);
      announce(t('questions.edit.saved', { version: result.data.version }));
    }
    return result;
  };

  // Kept after a failure: on a 409 (someone saved a newer version) the author may save it over that.
  const onSave = (fields: QuestionFields) =>
    void save(fields).then((result) => {
      if (!result.ok) setStale(fields);
    });

  const keepMine = async () => {
    if (!stale) return;
    const latest = await getQuestion(detail.id);
    if (latest.data) await save(stale, latest.data.version);
  };

  const conflict = stale !== null && submit.problem?.status === 409;

  return (
    <Page title={detail.name}>
      <QuestionBreadcrumb courseId={detail.courseId} current={detail.name} />
      <p>
        {t('questions.edit.facts', {
          type: t(`questions.types.${detail.type}`),
          version: detail.version,
          category: detail.category,
          usedIn: detail.usedIn,
        })}
      </p>
      {conflict ? (
        <Alert title={t('questions.edit.conflictTitle')}>
          <p>{t('questions.edit.conflictBody')}</p>
          <div className="arch-actions">
            <Button variant="secondary" onClick={reload}>
              {t('questions.edit.conflictLoad')}
            </Button>
            <Button variant="secondary" onClick={() => void keepMine()}>
              {t('questions.edit.conflictKeep')}
            </Button>
          </div>
        </Alert>
      ) : null}
      <QuestionForm
        initial={{
          name: detail.name,
          category: detail.category,
          tags: detail.tags.join(', '),
          question: detail.question,
        }}
        categories={categories}
        submit={conflict ? { ...submit, problem: null } : submit}
        saveLabel={t('questions.edit.save')}
        onSave={onSave}
      />
      <section className="studio-section" aria-labelledby="question-versions-heading">
        <h2 id="question-versions-heading">{t('questions.edit.versions')}</h2>
        <Table
          caption={t('questions.edit.versionsCaption')}
          rowKey={(row) => String(row.version)}
          rows={[...detail.versions].sort((a, b) => b.version - a.version)}
          columns={[
            {
              key: 'version',
              header: t('questions.edit.version'),
              render: (row) =>
                row.version === detail.version
                  ? t('questions.edit.currentVersion', { version: row.version })
                  : String(row.version),
            },
            {
              key: 'at',
              header: t('questions.edit.createdAt'),
              render: (row) => format.date(row.createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
            },
            {
              key: 'by',
              header: t('questions.edit.createdBy'),
              render: (row) => row.createdBy ?? t('questions.edit.unknownAuthor'),
            },
          ]}
        />
      </section>
      <section className="studio-section" aria-labelledby="question-archive-heading">
        <h2 id="question-archive-heading">{t('questions.edit.archiveHeading')}</h2>
        <p>{t('questions.edit.archiveIntro')}</p>
        <Button variant="danger" onClick={() => setConfirmArchive(true)}>
          {t('questions.edit.archive')}
        </Button>
        <ConfirmDialog
          open={confirmArchive}
          onClose={() => {
            archive.clear();
            setConfirmArchive(false);
          }}
          title={t('questions.edit.archiveTitle', { name: detail.name })}
          confirmLabel={t('questions.edit.archive')}
          submit={archive}
          onConfirm={() =>
            void archive
              .run(() => archiveQuestion(detail.id))
              .then(async (result) => {
                if (!result.ok) return;
                setConfirmArchive(false);
                announce(t('questions.edit.archived', { name: detail.name }));
                await navigate(`/courses/${detail.courseId}/questions`);
              })
          }
        >
          <p>{t('questions.edit.archiveBody')}</p>
        </ConfirmDialog>
      </section>
    </Page>
  );
}
