export interface CheckboxWithHintProps {
  id: string;
  label: string;
  /** What ticking it does, read with the checkbox (aria-describedby). */
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** One setting that is on or off, with a line saying what it does (a form's field, not a table's). */
export function CheckboxWithHint({ id, label, hint, checked, onChange }: CheckboxWithHintProps) {
  return (
    <div className="arch-field studio-checkbox">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      <p className="arch-field__hint" id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  );
}
