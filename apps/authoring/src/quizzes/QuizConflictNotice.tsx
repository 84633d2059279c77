import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Dialog } from '@archipelago/ui';

export interface QuizConflictNoticeProps {
  /** False when the newer version could not be read: only overwriting is offered. */
  canLoadTheirs: boolean;
  onLoadTheirs: () => void;
  onOverwrite: () => void;
}

/**
 * Someone else saved this quiz first. Nothing was overwritten: the author's settings and questions
 * stay on screen until they choose, and loading the other version asks first (as for lessons).
 */
export function QuizConflictNotice({ canLoadTheirs, onLoadTheirs, onOverwrite }: QuizConflictNoticeProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
    <Alert title={t('quizzes.conflict.title')}>
      <p>{t('quizzes.conflict.body')}</p>
      <div className="arch-actions">
        {canLoadTheirs ? (
          <Button variant="secondary" onClick={() => setConfirming(true)}>
            {t('quizzes.conflict.loadTheirs')}
          </Button>
        ) : null}
        <Button variant="secondary" onClick={onOverwrite}>
          {t('quizzes.conflict.overwrite')}
        </Button>
      </div>
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={t('quizzes.conflict.confirmTitle')}
      >
        <p>{t('quizzes.conflict.confirmBody')}</p>
        <div className="arch-actions">
          <Button
            variant="danger"
            onClick={() => {
              setConfirming(false);
              onLoadTheirs();
            }}
          >
            {t('quizzes.conflict.confirm')}
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            {t('confirm.cancel')}
          </Button>
        </div>
      </Dialog>
    </Alert>
  );
}
