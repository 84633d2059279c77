import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog } from '@archipelago/ui';
import type { Submit } from '../data/useSubmit';
import { ProblemAlert } from './ProblemAlert';

export interface ConfirmDialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  /** The confirming button's text, a verb: "Deactivate", "Remove"… */
  confirmLabel: string;
  onConfirm: () => void;
  /** The action's state: the button waits while busy and a failure is shown in the dialog. */
  submit: Submit;
  variant?: 'primary' | 'danger';
}

/** "Are you sure?" for actions that are hard to undo, in the kit's modal dialog. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, onClose, title, children, confirmLabel, onConfirm, submit, variant = 'danger' } = props;
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={title}>
      {children}
      {submit.problem ? (
        <ProblemAlert
          key={submit.failures}
          problem={submit.problem}
          title={t('confirm.failed')}
          headingLevel={3}
        />
      ) : null}
      <div className="arch-actions">
        <Button variant={variant} disabled={submit.busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Button variant="secondary" onClick={onClose}>
          {t('confirm.cancel')}
        </Button>
      </div>
    </Dialog>
  );
}
