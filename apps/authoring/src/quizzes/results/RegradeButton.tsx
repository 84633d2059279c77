import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, useAnnounce } from '@archipelago/ui';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useSubmit } from '../../data/useSubmit';
import { regradeQuestion } from '../results-api';

export interface RegradeButtonProps {
  activityId: string;
  questionId: string;
  name: string;
  onDone: () => void;
}

/**
 * Regrades every attempt of this quiz at the question's current version, after the trainer fixed
 * the question. Explicit and confirmed, since it can change learners' results.
 */
export function RegradeButton({ activityId, questionId, name, onDone }: RegradeButtonProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const submit = useSubmit();
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  return (
    <>
      <Button
        variant="secondary"
        aria-haspopup="dialog"
        aria-label={t('quizzes.regrade.buttonLabel', { name })}
        onClick={() => setOpen(true)}
      >
        {t('quizzes.regrade.button')}
      </Button>
      {outcome ? <span className="studio-muted"> {outcome}</span> : null}
      <ConfirmDialog
        open={open}
        onClose={() => {
          submit.clear();
          setOpen(false);
        }}
        title={t('quizzes.regrade.title', { name })}
        confirmLabel={t('quizzes.regrade.confirm')}
        variant="primary"
        submit={submit}
        onConfirm={() =>
          void submit
            .run(() => regradeQuestion(activityId, questionId))
            .then((result) => {
              if (!result.ok || !result.data) return;
              const message = t('quizzes.regrade.done', {
                attempts: result.data.attempts,
                changed: result.data.changed,
                version: result.data.version,
              });
              setOpen(false);
              setOutcome(message);
              announce(message);
              onDone();
            })
        }
      >
        <p>{t('quizzes.regrade.body')}</p>
      </ConfirmDialog>
    </>
  );
}
