import { useState, type ReactNode } from 'react';
import { Button, type ButtonVariant } from '@archipelago/ui';
import type { Submit } from '../data/useSubmit';
import { ConfirmDialog } from './ConfirmDialog';

export interface ConfirmButtonProps {
  /** The button's text, also the confirming button's: "Deactivate", "Grant"… */
  label: string;
  variant: ButtonVariant;
  dialogTitle: string;
  dialogVariant: 'primary' | 'danger';
  /** The action's state, shown in the dialog. */
  submit: Submit;
  /** Does the action, calling `close` when it succeeded. */
  onConfirm: (close: () => void) => Promise<void>;
  /** What the dialog says will happen. */
  children: ReactNode;
}

/**
 * A button for one account-wide action (deactivate, grant admin…) that asks first. The user page's
 * sections each kept the open flag, cleared the last failure on closing and closed on success.
 */
export function ConfirmButton(props: ConfirmButtonProps) {
  const { label, submit, onConfirm } = props;
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant={props.variant} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => {
          submit.clear();
          setOpen(false);
        }}
        title={props.dialogTitle}
        confirmLabel={label}
        variant={props.dialogVariant}
        onConfirm={() => void onConfirm(() => setOpen(false))}
        submit={submit}
      >
        {props.children}
      </ConfirmDialog>
    </>
  );
}
