import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page, useAnnounce } from '@archipelago/ui';
import { useApiData } from '../data/useApiData';
import { useSubmit } from '../data/useSubmit';
import '../lessons/lessons.css';
import './questions.css';
import { QuestionBreadcrumb } from './QuestionBreadcrumb';
import { blankQuestion } from './questionDefaults';
import { QuestionForm } from './QuestionForm';
import { createQuestion, listCategories } from './questions-api';

/** /courses/:courseId/questions/new — a question for the course's bank (?category= preselects one). */
export default function NewQuestionPage() {
  const { t } = useTranslation();
  const { courseId = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const submit = useSubmit();
  const { state } = useApiData(`categories:${courseId}`, (signal) => listCategories(courseId, signal));
  const categories = state.status === 'ready' ? state.data.map((category) => category.name) : [];

  return (
    <Page title={t('questions.new.title')}>
      <QuestionBreadcrumb courseId={courseId} current={t('questions.new.title')} />
      <QuestionForm
        initial={{
          name: '',
          category: params.get('category') ?? '',
          tags: '',
          question: blankQuestion('single-choice'),
        }}
        categories={categories}
        submit={submit}
        saveLabel={t('questions.new.save')}
        onSave={(fields) =>
          void submit
            .run(() => createQuestion(courseId, fields))
            .then(async (result) => {
              if (!result.ok || !result.data) return;
              announce(t('questions.new.created', { name: result.data.name }));
              await navigate(`/questions/${result.data.id}`);
            })
        }
      />
    </Page>
  );
}
