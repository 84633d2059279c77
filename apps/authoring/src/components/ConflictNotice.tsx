import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Dialog } from '@archipelago/ui';

export interface ConflictNoticeProps {
  /**
   * Where the notice's strings live (title, body, loadTheirs, overwrite, confirmTitle, confirmBody,
   * confirm): the title and body say what was being edited and what happens meanwhile.
   */
  texts:
    | 'lessonEditor.conflict'
    | 'quizzes.conflict'
    | 'certificates.conflict'
    | 'cohorts:details.conflict'
    | 'dgca:settings.conflict'
    | 'dgca:editor.conflict';
  /** False when the newer version could not be read: only overwriting is offered. */
  canLoadTheirs?: boolean;
  onLoadTheirs: () => void;
  onOverwrite: () => void;
}

/**
 * Someone else saved first (a lesson, a quiz). Nothing has been lost or overwritten: the author's
 * work stays on screen until they choose, and loading the other version asks for confirmation first.
 */
export function ConflictNotice({
  texts,
  canLoadTheirs = true,
  onLoadTheirs,
  onOverwrite,
}: ConflictNoticeProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
    <Alert title={t(`${texts}.title`)}>
      <p>{t(`${texts}.body`)}</p>
      <div className="arch-actions">
        {canLoadTheirs ? (
          <Button variant="secondary" onClick={() => setConfirming(true)}>
            {t(`${texts}.loadTheirs`)}
          </Button>
        ) : null}
        <Button variant="secondary" onClick={onOverwrite}>
          {t(`${texts}.overwrite`)}
        </Button>
      </div>
      <Dialog open={confirming} onClose={() => setConfirming(false)} title={t(`${texts}.confirmTitle`)}>
        <p>{t(`${texts}.confirmBody`)}</p>
        <div className="arch-actions">
          <Button
            variant="danger"
            onClick={() => {
              setConfirming(false);
              onLoadTheirs();
            }}
          >
            {t(`${texts}.confirm`)}
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            {t('confirm.cancel')}
          </Button>
        </div>
      </Dialog>
    </Alert>
  );
}
