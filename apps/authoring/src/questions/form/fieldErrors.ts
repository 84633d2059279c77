import { createContext, useContext } from 'react';
import type { Problem } from '../../data/problem';

/**
 * The question form's controls have ids made from the request path the API names in a 422
 * ("question.options.1.text"), so the error summary can link to them and each control can show its
 * own message.
 */
export function fieldId(path: string): string {
  return `qf-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

export const FieldErrorsContext = createContext<Problem | null>(null);

/** The message the API gave for `path`, if any. */
export function useFieldError(path: string): string | undefined {
  const problem = useContext(FieldErrorsContext);
  return problem?.errors.find((error) => error.field === path)?.message;
}
