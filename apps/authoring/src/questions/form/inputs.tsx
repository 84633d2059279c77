import { useState } from 'react';
import { FormField } from '@archipelago/ui';
import type { RichText } from '../questionModel';
import { docToText, textToDoc, textToOptionalDoc } from '../richText';
import { fieldId, useFieldError } from './fieldErrors';

interface TextProps {
  label: string;
  /** The request path, for the control's id and the API's message about it. */
  path: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  multiline?: boolean;
}

/** A labelled text field bound to one path of the question. */
export function TextField({ label, path, value, onChange, hint, multiline = false }: TextProps) {
  const error = useFieldError(path);
  return (
    <FormField label={label} id={fieldId(path)} hint={hint} error={error}>
      {multiline ? (
        <textarea
          className="arch-input"
          rows={2}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <input className="arch-input" value={value} onChange={(event) => onChange(event.target.value)} />
      )}
    </FormField>
  );
}

interface NumberProps {
  label: string;
  path: string;
  value: number | null;
  /** Called with null when the field is emptied, and never with a half-typed number. */
  onChange: (value: number | null) => void;
  hint?: string;
  min?: number;
  max?: number;
  step?: number | 'any';
}

/**
 * A number field left to the browser while typing ("-", "1.") and reported only as numbers, so a
 * controlled value does not fight the person typing. Remount it (key) to show a new value.
 */
export function NumberField({ label, path, value, onChange, hint, min, max, step = 'any' }: NumberProps) {
  const error = useFieldError(path);
  return (
    <FormField label={label} id={fieldId(path)} hint={hint} error={error}>
      <input
        className="arch-input studio-number-input"
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        step={step}
        defaultValue={value === null ? '' : String(value)}
        onChange={(event) => {
          const next = event.target.value;
          if (next.trim() === '') onChange(null);
          else if (Number.isFinite(Number(next))) onChange(Number(next));
        }}
      />
    </FormField>
  );
}

interface CheckboxProps {
  label: string;
  path: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
}

export function CheckboxField({ label, path, checked, onChange, hint }: CheckboxProps) {
  const id = fieldId(path);
  return (
    <div className="studio-checkbox">
      <input
        type="checkbox"
        id={id}
        checked={checked}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="arch-field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

interface DocTextProps {
  label: string;
  path: string;
  /** The starting document; the field keeps its own text afterwards (key it by the item's id). */
  initial: RichText | null;
  onChange: (doc: RichText | null) => void;
  hint?: string;
  /** Optional fields (feedback) give null when emptied. */
  optional?: boolean;
}

/**
 * A short rich-text value (an option, a feedback) edited as plain text, one paragraph per line. The
 * text is kept as typed, so converting to a document on every keystroke never eats a space.
 */
export function DocTextField({ label, path, initial, onChange, hint, optional = false }: DocTextProps) {
  const [text, setText] = useState(() => docToText(initial));
  return (
    <TextField
      label={label}
      path={path}
      hint={hint}
      multiline
      value={text}
      onChange={(next) => {
        setText(next);
        onChange(optional ? textToOptionalDoc(next) : textToDoc(next));
      }}
    />
  );
}
