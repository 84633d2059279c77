import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page, Skeleton, useFormatters } from '@archipelago/ui';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useApiData } from '../../data/useApiData';
import { QuizHeader } from '../QuizHeader';
import { getAnalysis, type QuestionAnalysis } from '../results-api';
import { RegradeButton } from './RegradeButton';
import { useQuizPlace } from './useQuizPlace';
import '../quizzes.css';

/** How hard a question was (facility), in words beside the figure. */
function facilityWord(facility: number): string {
  if (facility >= 0.9) return 'veryEasy';
  if (facility >= 0.7) return 'easy';
  if (facility >= 0.3) return 'moderate';
  if (facility >= 0.1) return 'hard';
  return 'veryHard';
}

/** How well a question told stronger learners from weaker ones (discrimination), in words. */
function discriminationWord(discrimination: number): string {
  if (discrimination >= 0.5) return 'veryGood';
  if (discrimination >= 0.3) return 'good';
  if (discrimination >= 0.2) return 'fair';
  if (discrimination >= 0) return 'weak';
  return 'negative';
}

/**
 * /quizzes/:activityId/analysis — per question: how many got it right (facility), whether it separates
 * stronger from weaker learners (discrimination), and how often each answer was chosen. Explained in
 * plain words, since few trainers know the statistics by name.
 */
export default function QuizAnalysisPage() {
  const { t } = useTranslation();
  const { activityId = '' } = useParams();
  const place = useQuizPlace(activityId);
  const { state, reload } = useApiData(activityId, (signal) => getAnalysis(activityId, signal));
  return (
    <Page
      title={t('quizzes.analysis.title', { quiz: place.quizTitle ?? '' })}
      documentTitle={t('quizzes.analysis.short')}
    >
      <QuizHeader activityId={activityId} {...place} />
      <section className="studio-section" aria-labelledby="analysis-help">
        <h2 id="analysis-help">{t('quizzes.analysis.helpHeading')}</h2>
        <dl className="studio-facts">
          <dt>{t('quizzes.analysis.facility')}</dt>
          <dd>{t('quizzes.analysis.facilityHelp')}</dd>
          <dt>{t('quizzes.analysis.discrimination')}</dt>
          <dd>{t('quizzes.analysis.discriminationHelp')}</dd>
          <dt>{t('quizzes.analysis.frequencies')}</dt>
          <dd>{t('quizzes.analysis.frequenciesHelp')}</dd>
        </dl>
      </section>
      {state.status === 'loading' ? <Skeleton lines={8} label={t('quizzes.analysis.loading')} /> : null}
      {state.status === 'failed' ? (
        <ProblemAlert problem={state.problem} title={t('quizzes.analysis.loadFailed')} onRetry={reload} />
      ) : null}
      {state.status === 'ready' ? (
        state.data.attempts === 0 || state.data.questions.length === 0 ? (
          <p>{t('quizzes.analysis.empty')}</p>
        ) : (
          <>
            <p>{t('quizzes.analysis.basedOn', { attempts: state.data.attempts })}</p>
            <AnalysisTable activityId={activityId} questions={state.data.questions} onRegraded={reload} />
          </>
        )
      ) : null}
    </Page>
  );
}

function AnalysisTable({
  activityId,
  questions,
  onRegraded,
}: {
  activityId: string;
  questions: QuestionAnalysis[];
  onRegraded: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const percent = (value: number) => format.number(value, { style: 'percent' });
  return (
    // The table's own wrapper (as the kit's Table), since rows hold lists and buttons.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="arch-table-wrapper" tabIndex={0} role="region" aria-label={t('quizzes.analysis.caption')}>
      <table className="arch-table quiz-analysis">
        <caption>{t('quizzes.analysis.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('quizzes.analysis.question')}</th>
            <th scope="col">{t('quizzes.analysis.attempts')}</th>
            <th scope="col">{t('quizzes.analysis.facility')}</th>
            <th scope="col">{t('quizzes.analysis.discrimination')}</th>
            <th scope="col">{t('quizzes.analysis.meanPoints')}</th>
            <th scope="col">{t('quizzes.analysis.frequencies')}</th>
            <th scope="col">{t('quizzes.analysis.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {questions.map((question) => {
            return (
              <tr key={question.questionId}>
                <th scope="row">
                  {question.name}{' '}
                  <span className="studio-muted">
                    {t(`questions.types.${question.type}`, { defaultValue: question.type })}
                  </span>
                </th>
                <td>{format.number(question.attempts)}</td>
                <td>
                  {question.facility === null
                    ? t('quizzes.analysis.notAvailable')
                    : t('quizzes.analysis.facilityValue', {
                        value: percent(question.facility),
                        word: t(`quizzes.analysis.facilityWords.${facilityWord(question.facility)}`),
                      })}
                </td>
                <td>
                  {question.discrimination === null
                    ? t('quizzes.analysis.notAvailable')
                    : t('quizzes.analysis.discriminationValue', {
                        value: format.number(question.discrimination, { maximumFractionDigits: 2 }),
                        word: t(
                          `quizzes.analysis.discriminationWords.${discriminationWord(question.discrimination)}`,
                        ),
                      })}
                </td>
                <td>
                  {question.meanPoints === null
                    ? t('quizzes.analysis.notAvailable')
                    : format.number(question.meanPoints, { maximumFractionDigits: 2 })}
                </td>
                <td>
                  <Frequencies question={question} />
                </td>
                <td>
                  <RegradeButton
                    activityId={activityId}
                    questionId={question.questionId}
                    name={question.name}
                    onDone={onRegraded}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** How often each option (or the commonest free answers) was chosen. */
function Frequencies({ question }: { question: QuestionAnalysis }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (question.choices.length > 0) {
    return (
      <ul className="studio-plain-list">
        {question.choices.map((choice) => (
          <li key={choice.id}>
            {t(choice.correct ? 'quizzes.analysis.optionCorrect' : 'quizzes.analysis.option', {
              label: choice.label,
              chosen: choice.count,
              share: format.number(choice.share, { style: 'percent' }),
            })}
          </li>
        ))}
      </ul>
    );
  }
  if (question.textAnswers.length > 0) {
    return (
      <ul className="studio-plain-list">
        {question.textAnswers.map((answer) => (
          <li key={answer.text}>
            {t('quizzes.analysis.textAnswer', { text: answer.text, chosen: answer.count })}
          </li>
        ))}
      </ul>
    );
  }
  return <>{t('quizzes.analysis.noFrequencies')}</>;
}
