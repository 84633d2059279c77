import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Dialog } from '@archipelago/ui';

export interface ConflictNoticeProps {
  onLoadTheirs: () => void;
  onOverwrite: () => void;
}

/**
 * Someone else saved first. Nothing has been lost or overwritten: the author's text stays in the
 * editor until they choose, and loading the other version asks for confirmation first.
 */
export function ConflictNotice({ onLoadTheirs, onOverwrite }: ConflictNoticeProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
    <Alert title={t('lessonEditor.conflict.title')}>
      <p>{t('lessonEditor.conflict.body')}</p>
      <div className="arch-actions">
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          {t('lessonEditor.conflict.loadTheirs')}
        </Button>
        <Button variant="secondary" onClick={onOverwrite}>
          {t('lessonEditor.conflict.overwrite')}
        </Button>
      </div>
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={t('lessonEditor.conflict.confirmTitle')}
      >
        <p>{t('lessonEditor.conflict.confirmBody')}</p>
        <div className="arch-actions">
          <Button
            variant="danger"
            onClick={() => {
              setConfirming(false);
              onLoadTheirs();
            }}
          >
            {t('lessonEditor.conflict.confirm')}
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            {t('lessonEditor.dialog.cancel')}
          </Button>
        </div>
      </Dialog>
    </Alert>
  );
}
