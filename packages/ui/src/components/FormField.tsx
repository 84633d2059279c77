import { cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ControlProps {
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

export interface FormFieldProps {
  label: string;
  /** The control, e.g. <input className="arch-input" name="email" />; id and ARIA wiring are added. */
  children: ReactElement<ControlProps>;
  hint?: ReactNode;
  error?: string;
  /** Give an explicit id so an ErrorSummary can link to the control. */
  id?: string;
}

/** Label, hint and error message tied to the control with for/id, aria-describedby and aria-invalid. */
export function FormField({ label, children, hint, error, id }: FormFieldProps) {
  const { t } = useTranslation('ui');
  const generatedId = useId();
  const controlId = id ?? children.props.id ?? generatedId;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const describedBy = [children.props['aria-describedby'], hint ? hintId : null, error ? errorId : null]
    .filter(Boolean)
    .join(' ');

  const control = isValidElement(children)
    ? cloneElement(children, {
        id: controlId,
        'aria-describedby': describedBy || undefined,
        'aria-invalid': error ? true : undefined,
      })
    : children;

  return (
    <div className={error ? 'arch-field arch-field--invalid' : 'arch-field'}>
      <label className="arch-field__label" htmlFor={controlId}>
        {label}
      </label>
      {hint ? (
        <p className="arch-field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="arch-field__error" id={errorId}>
          <span className="arch-visually-hidden">{t('errorPrefix')} </span>
          {error}
        </p>
      ) : null}
      {control}
    </div>
  );
}
