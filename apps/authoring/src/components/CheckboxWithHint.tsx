import { useTranslation } from 'react-i18next';

export interface CheckboxWithHintProps {
  id: string;
  label: string;
  /** What ticking it does, read with the checkbox (aria-describedby). */
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Why the form was refused because of this box, read with it and marked invalid. */
  error?: string;
}

/** One setting that is on or off, with a line saying what it does (a form's field, not a table's). */
export function CheckboxWithHint({ id, label, hint, checked, onChange, error }: CheckboxWithHintProps) {
  // The kit's words ("Error:"), as its own fields say them.
  const { t: kit } = useTranslation('ui');
  const box = (
    <div className="arch-field studio-checkbox">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-describedby={error ? `${id}-error ${id}-hint` : `${id}-hint`}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      <p className="arch-field__hint" id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  );
  if (!error) return box;
  return (
    <div className="arch-field--invalid">
      <p className="arch-field__error" id={`${id}-error`}>
        <span className="arch-visually-hidden">{kit('errorPrefix')} </span>
        {error}
      </p>
      {box}
    </div>
  );
}
