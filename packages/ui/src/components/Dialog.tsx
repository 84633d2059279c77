import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';

export interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
}

/**
 * A modal built on the native <dialog>: showModal() gives the focus trap, inert background and
 * Escape handling for free. Focus goes back to whatever opened it.
 */
export function Dialog({ open, onClose, title, children }: DialogProps) {
  const { t } = useTranslation('ui');
  const titleId = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  // Fires for Escape, the close button and a parent setting open=false alike.
  const handleClose = () => {
    opener.current?.focus();
    opener.current = null;
    if (open) onClose();
  };

  return (
    <dialog ref={ref} className="arch-dialog" aria-labelledby={titleId} onClose={handleClose}>
      <div className="arch-dialog__header">
        <h2 id={titleId}>{title}</h2>
        <Button variant="secondary" onClick={() => ref.current?.close()}>
          {t('close')}
        </Button>
      </div>
      {children}
    </dialog>
  );
}
