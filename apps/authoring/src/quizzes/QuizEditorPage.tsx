import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Page, Skeleton, useAnnounce } from '@archipelago/ui';
import { ConflictNotice } from '../components/ConflictNotice';
import { ProblemAlert } from '../components/ProblemAlert';
import { useApiData } from '../data/useApiData';
import { FieldErrorsContext } from '../questions/form/fieldErrors';
import { listCategories } from '../questions/questions-api';
import '../questions/questions.css';
import { AddQuestionsDialog } from './AddQuestionsDialog';
import { getQuizDraft } from './quizzes-api';
import { QuizHeader } from './QuizHeader';
import { QuizSettingsForm } from './QuizSettingsForm';
import { slotQuestionOf, type QuizDraftView } from './quizTypes';
import { RandomDrawForm } from './RandomDrawForm';
import { SlotList } from './SlotList';
import { newSlotKey, useQuizDraft } from './useQuizDraft';
import './quizzes.css';

/** /quizzes/:activityId — a quiz's settings and questions, saved together with the draft's revision. */
export default function QuizEditorPage() {
  const { t } = useTranslation();
  const { activityId = '' } = useParams();
  const { state, reload } = useApiData(activityId, (signal) => getQuizDraft(activityId, signal));
  if (state.status === 'ready')
    return <QuizEditor key={activityId} activityId={activityId} loaded={state.data} />;
  return (
    <Page title={t('quizzes.editor.loadingTitle')}>
      <QuizHeader activityId={activityId} />
      {state.status === 'loading' ? <Skeleton lines={10} label={t('quizzes.editor.loading')} /> : null}
      {state.status === 'failed' ? (
        <ProblemAlert title={t('quizzes.editor.loadFailed')} problem={state.problem} onRetry={reload} />
      ) : null}
    </Page>
  );
}

function QuizEditor({ activityId, loaded }: { activityId: string; loaded: QuizDraftView }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const draft = useQuizDraft(activityId, loaded);
  const [adding, setAdding] = useState(false);
  const categories = useApiData(`categories:${loaded.courseId}`, (signal) =>
    listCategories(loaded.courseId, signal),
  );
  const categoryList = categories.state.status === 'ready' ? categories.state.data : [];
  const { status, slots, setSlots } = draft;
  const inQuiz = new Set(slots.flatMap(({ slot }) => (slot.kind === 'question' ? [slot.questionId] : [])));
  const readOnly = loaded.courseArchived === true;

  const save = () =>
    void draft.save().then((saved) => {
      if (saved) announce(t('quizzes.editor.saved'));
    });

  return (
    <Page title={loaded.title}>
      <QuizHeader
        activityId={activityId}
        courseId={loaded.courseId}
        courseTitle={loaded.courseTitle}
        quizTitle={loaded.title}
      />
      {readOnly ? (
        <Alert tone="info" title={t('courses.archive.noticeTitle')}>
          <p>{t('courses.archive.noticeBody')}</p>
        </Alert>
      ) : null}
      <div className="lesson-editor__bar">
        <p className="lesson-save-status" role="status">
          {t(`quizzes.editor.status.${status.kind}`)}
        </p>
        <Button onClick={save} disabled={readOnly || status.kind === 'saving' || status.kind === 'conflict'}>
          {t('quizzes.editor.save')}
        </Button>
      </div>
      {status.kind === 'conflict' ? (
        <ConflictNotice
          texts="quizzes.conflict"
          canLoadTheirs={status.theirs !== undefined}
          onLoadTheirs={draft.loadTheirs}
          onOverwrite={() => void draft.overwrite()}
        />
      ) : null}
      {status.kind === 'failed' ? (
        <ProblemAlert key={draft.failures} problem={status.problem} title={t('quizzes.editor.saveFailed')} />
      ) : null}
      <FieldErrorsContext value={status.kind === 'failed' ? status.problem : null}>
        <fieldset className="studio-fieldset" role="none" disabled={readOnly} key={draft.generation}>
          <section className="studio-section" aria-labelledby="quiz-slots-heading">
            <h2 id="quiz-slots-heading" tabIndex={-1}>
              {t('quizzes.slots.heading')}
            </h2>
            <p>{t('quizzes.slots.intro')}</p>
            <SlotList slots={slots} onChange={setSlots} emptyFocusId="quiz-slots-heading" />
            <div className="quiz-add">
              <Button variant="secondary" aria-haspopup="dialog" onClick={() => setAdding(true)}>
                {t('quizzes.add.open')}
              </Button>
              <RandomDrawForm
                categories={categoryList}
                onAdd={({ category, count }) => {
                  setSlots([...slots, { key: newSlotKey(), slot: { kind: 'random', category, count } }]);
                  announce(t('quizzes.random.added', { category, questions: count }));
                }}
              />
            </div>
            <AddQuestionsDialog
              open={adding}
              courseId={loaded.courseId}
              categories={categoryList}
              inQuiz={inQuiz}
              onClose={() => setAdding(false)}
              onAdd={(questions) => {
                setSlots([
                  ...slots,
                  ...questions.map((question) => ({
                    key: newSlotKey(),
                    slot: {
                      kind: 'question' as const,
                      questionId: question.id,
                      question: slotQuestionOf(question),
                    },
                  })),
                ]);
                announce(t('quizzes.add.added', { added: questions.length }));
              }}
            />
          </section>
          <QuizSettingsForm settings={draft.settings} onChange={draft.setSettings} />
        </fieldset>
      </FieldErrorsContext>
      <div className="arch-actions">
        <Button onClick={save} disabled={readOnly || status.kind === 'saving' || status.kind === 'conflict'}>
          {t('quizzes.editor.save')}
        </Button>
      </div>
    </Page>
  );
}
