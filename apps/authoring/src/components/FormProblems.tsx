import { ErrorSummary } from '@archipelago/ui';
import type { Problem } from '../data/problem';
import { ProblemAlert } from './ProblemAlert';

export interface FormProblemsProps {
  problem: Problem | null;
  failures: number;
  /** Request field name → id of the control that edits it. */
  fieldIds: Record<string, string>;
  /** Heading when the problem is not about a particular field. */
  title: string;
}

/** Field errors of a refused form, mapped onto its controls. */
export function fieldErrors(problem: Problem | null, fieldIds: Record<string, string>) {
  return (problem?.errors ?? [])
    .filter((error) => fieldIds[error.field])
    .map((error) => ({ fieldId: fieldIds[error.field]!, message: error.message }));
}

/** After a failed submit: an error summary linking to each field, or an alert for anything else. */
export function FormProblems({ problem, failures, fieldIds, title }: FormProblemsProps) {
  if (!problem) return null;
  const errors = fieldErrors(problem, fieldIds);
  if (errors.length > 0) return <ErrorSummary key={failures} errors={errors} />;
  return <ProblemAlert key={failures} problem={problem} title={title} headingLevel={3} />;
}

/** The message for one control, if the server named its field. */
export function errorFor(problem: Problem | null, field: string): string | undefined {
  return problem?.errors.find((error) => error.field === field)?.message;
}
