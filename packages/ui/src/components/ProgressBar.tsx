import { useId } from 'react';

export interface ProgressBarProps {
  label: string;
  value: number;
  max?: number;
  /** Words for the value, e.g. "3 of 10 modules completed"; shown and announced. */
  valueText: string;
}

/** A native <progress> with a visible label and the value in words, not only as a bar. */
export function ProgressBar({ label, value, max = 100, valueText }: ProgressBarProps) {
  const id = useId();
  return (
    <div className="arch-progress">
      <label className="arch-progress__label" htmlFor={id}>
        {label}
      </label>
      <progress id={id} value={value} max={max} aria-valuetext={valueText}>
        {valueText}
      </progress>
      <p>{valueText}</p>
    </div>
  );
}
