import type { ReactNode } from 'react';

export interface AnswerFieldProps {
  /** The control's id, which the label points at. */
  id: string;
  label: ReactNode;
  /** Marks the field as holding a value the server cannot read (the control sets aria-invalid). */
  invalid?: boolean;
  className?: string;
  /** The control, and whatever message goes with it, in reading order. */
  children: ReactNode;
}

/** One labelled control of an answer: the design system's field markup, so every input reads alike. */
export function AnswerField({ id, label, invalid, className, children }: AnswerFieldProps) {
  const classes = ['arch-field', invalid ? 'arch-field--invalid' : null, className].filter(Boolean);
  return (
    <div className={classes.join(' ')}>
      <label className="arch-field__label" htmlFor={id}>
        {label}
      </label>
      {children}
    </div>
  );
}

export interface AnswerGroupProps {
  className: string;
  /**
   * Hidden, since the prompt is shown just above; it carries the question's number so that every
   * group's name stays unique on an all-on-one-page attempt.
   */
  legend: string;
  /** The prompt describes the group. */
  promptId: string;
  /** Checked or submitted: the whole group is disabled at once. */
  locked: boolean;
  /** A shown instruction (e.g. "Choose all that apply"), read after the prompt. */
  hint?: { id: string; text: string };
  children: ReactNode;
}

/** Answers made of several controls (options, match rows): one fieldset, named and described. */
export function AnswerGroup({ className, legend, promptId, locked, hint, children }: AnswerGroupProps) {
  return (
    <fieldset
      className={className}
      aria-describedby={hint ? `${promptId} ${hint.id}` : promptId}
      disabled={locked}
    >
      <legend className="arch-visually-hidden">{legend}</legend>
      {hint ? (
        <p className="quiz-hint" id={hint.id}>
          {hint.text}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}
