import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Dialog, type ButtonVariant } from '@archipelago/ui';
import { FormProblems } from '../components/FormProblems';
import type { Problem } from '../data/problem';
import type { Submit } from '../data/useSubmit';

export interface ActionDialogButtonProps {
  /** The button's text. */
  label: string;
  /** A longer accessible name when the button sits in a table row: "Revoke Ana's certificate". */
  ariaLabel?: string;
  variant: ButtonVariant;
  dialogTitle: string;
  /** The dialog's submit button. */
  submitLabel: string;
  submitVariant?: ButtonVariant;
  submit: Submit;
  /** Request field → control id, so refused fields are linked from the error summary. */
  fieldIds: Record<string, string>;
  /** Called when the dialog opens: the fields start empty each time. */
  onOpen?: () => void;
  /** Sends the request; resolves true when it succeeded and the dialog may close. */
  onSubmit: () => Promise<boolean>;
  /** Plain words for refusals this action knows (422: not completed…); others are explained generally. */
  explain?: (problem: Problem) => string | undefined;
  /**
   * Where focus goes after a success when the action changes the row, so the button the dialog
   * hands focus back to is about to disappear. Without it focus returns to the button.
   */
  focusAfterId?: string;
  children: ReactNode;
}

/**
 * A button opening a modal form for one action with a reason (decline, revoke, re-issue, issue).
 * The kit's dialog traps focus and gives it back to the button; when the action removes the
 * button, focus goes to a fixed place instead of being lost.
 */
export function ActionDialogButton(props: ActionDialogButtonProps) {
  const { t } = useTranslation();
  const { submit } = props;
  const [open, setOpen] = useState(false);
  const explained = submit.problem ? props.explain?.(submit.problem) : undefined;

  const close = () => {
    submit.clear();
    setOpen(false);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!(await props.onSubmit())) return;
    const target = props.focusAfterId;
    if (target) {
      // The dialog gives focus back to its opener on its (asynchronous) close event, and the list's
      // reload then removes that button, dropping focus on <body>. Move on once the opener has it.
      document.addEventListener('close', () => setTimeout(() => document.getElementById(target)?.focus()), {
        capture: true,
        once: true,
      });
    }
    setOpen(false);
  };

  return (
    <>
      <Button
        variant={props.variant}
        aria-label={props.ariaLabel}
        aria-haspopup="dialog"
        onClick={() => {
          props.onOpen?.();
          setOpen(true);
        }}
      >
        {props.label}
      </Button>
      <Dialog open={open} onClose={close} title={props.dialogTitle}>
        {open ? (
          <form noValidate onSubmit={(event) => void onSubmit(event)}>
            {explained ? (
              <Alert key={submit.failures} title={t('confirm.failed')} headingLevel={3}>
                <p>{explained}</p>
              </Alert>
            ) : (
              <FormProblems
                problem={submit.problem}
                failures={submit.failures}
                fieldIds={props.fieldIds}
                title={t('confirm.failed')}
              />
            )}
            {props.children}
            <div className="arch-actions">
              <Button type="submit" variant={props.submitVariant ?? 'primary'} disabled={submit.busy}>
                {props.submitLabel}
              </Button>
              <Button variant="secondary" onClick={close}>
                {t('confirm.cancel')}
              </Button>
            </div>
          </form>
        ) : null}
      </Dialog>
    </>
  );
}
