import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, useAnnounce, useFormatters } from '@archipelago/ui';
import { AssessmentRequestError, submitAssessment, type AssessmentDimension } from './assessments-api';

export interface SubmitPanelProps {
  assessmentId: string;
  dimensions: AssessmentDimension[];
  answeredBy: number[];
  submittedAt: string | null;
  /** Sends every answer still waiting; true once all are saved. */
  saveAll: () => Promise<boolean>;
  onSubmitted: (at: string) => void;
  onClosed: () => void;
  hrefFor: (key: string) => string;
}

type Problem = { kind: 'unanswered' } | { kind: 'unsaved' } | { kind: 'failed' } | null;

/**
 * "I am done": only once every statement has an answer ("don't know" counts), so the team's
 * profile is not built on skipped statements. Answers can still change until the round closes.
 */
export function SubmitPanel({
  assessmentId,
  dimensions,
  answeredBy,
  submittedAt,
  saveAll,
  onSubmitted,
  onClosed,
  hrefFor,
}: SubmitPanelProps) {
  const { t } = useTranslation();
  const { date } = useFormatters();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>(null);
  const unanswered = dimensions
    .map((dimension, index) => ({ dimension, left: dimension.statements.length - (answeredBy[index] ?? 0) }))
    .filter(({ left }) => left > 0);

  const submit = async () => {
    setProblem(null);
    if (unanswered.length > 0) {
      setProblem({ kind: 'unanswered' });
      return;
    }
    setBusy(true);
    try {
      if (!(await saveAll())) {
        setProblem({ kind: 'unsaved' });
        return;
      }
      const { submittedAt: at } = await submitAssessment(assessmentId);
      onSubmitted(at);
      announce(t('assessments:submit.done'));
    } catch (error) {
      if (error instanceof AssessmentRequestError && error.status === 409) onClosed();
      else setProblem({ kind: 'failed' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="rating-submit" aria-labelledby="rating-submit-heading">
      <h2 id="rating-submit-heading">{t('assessments:submit.title')}</h2>
      {submittedAt ? (
        <p className="rating-submit__done">
          {t('assessments:submit.submittedOn', { date: date(submittedAt) })}
        </p>
      ) : (
        <p>{t('assessments:submit.intro')}</p>
      )}
      {problem ? (
        <div className="rating-submit__problem" role="alert">
          {problem.kind === 'unanswered' ? (
            <>
              <p>{t('assessments:submit.unanswered')}</p>
              <ul>
                {unanswered.map(({ dimension, left }) => (
                  <li key={dimension.key}>
                    <Link to={hrefFor(dimension.key)}>
                      {t('assessments:submit.left', { name: dimension.name, count: left })}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t(`assessments:submit.${problem.kind}`)}</p>
          )}
        </div>
      ) : null}
      <Button onClick={() => void submit()} disabled={busy}>
        {submittedAt ? t('assessments:submit.again') : t('assessments:submit.button')}
      </Button>
    </section>
  );
}
