import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@archipelago/ui';
import { useSubmit, type Submit } from '../../data/useSubmit';
import { ConfirmDialog } from '../../components/ConfirmDialog';

export interface DeleteControlProps {
  /** "Delete module “Basics”": the button's accessible name, starting with its visible text. */
  buttonLabel: string;
  dialogTitle: string;
  /** Deletes, using the dialog's own submit state; resolves to true when done. */
  onDelete: (submit: Submit) => Promise<boolean>;
  children: ReactNode;
}

/** "Delete", then a confirmation dialog that says what goes with it. */
export function DeleteControl({ buttonLabel, dialogTitle, onDelete, children }: DeleteControlProps) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="danger" aria-label={buttonLabel} onClick={() => setOpen(true)}>
        {t('courses.outline.delete')}
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => {
          submit.clear();
          setOpen(false);
        }}
        title={dialogTitle}
        confirmLabel={t('courses.outline.delete')}
        onConfirm={() => void onDelete(submit).then((done) => done && setOpen(false))}
        submit={submit}
      >
        {children}
      </ConfirmDialog>
    </>
  );
}
