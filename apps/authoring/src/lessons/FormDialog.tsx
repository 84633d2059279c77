import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/core';
import { Button, Dialog } from '@archipelago/ui';

interface FormDialogProps {
  title: string;
  submitLabel: string;
  onClose: () => void;
  onSubmit: () => boolean;
  children: ReactNode;
}

/** A modal form: submitting runs the action and closes it, unless a field is in error. */
export function FormDialog({ title, submitLabel, onClose, onSubmit, children }: FormDialogProps) {
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (onSubmit()) onClose();
  };
  return (
    <Dialog open onClose={onClose} title={title}>
      <form noValidate onSubmit={submit}>
        {children}
        <div className="arch-actions">
          <Button type="submit">{submitLabel}</Button>
          <Button variant="secondary" onClick={onClose}>
            {t('lessonEditor.dialog.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** What every insertion dialog of the lesson editor receives. */
export interface KindDialogProps {
  editor: Editor;
  onClose: () => void;
}
