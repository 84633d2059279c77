import { useCallback, useState } from 'react';
import type { TFunction } from 'i18next';
import { isProblem } from '@archipelago/api-client';
import type { FieldError } from '@archipelago/ui';

/** What a form shows after a failed submit: the summary at the top and a message per field. */
export interface FormErrors {
  summary: FieldError[];
  byField: Record<string, string>;
  /** Changes on every failed submit so the summary remounts and takes focus again. */
  attempt: number;
}

const EMPTY: FormErrors = { summary: [], byField: {}, attempt: 0 };

/** Holds a form's errors; `show` replaces them, `clear` empties them after a successful submit. */
export function useFormErrors() {
  const [errors, setErrors] = useState<FormErrors>(EMPTY);
  const show = useCallback((list: FieldError[]) => {
    setErrors((current) => {
      const byField: Record<string, string> = {};
      for (const error of list) byField[error.fieldId] ??= error.message;
      return { summary: list, byField, attempt: current.attempt + 1 };
    });
  }, []);
  const clear = useCallback(() => setErrors((current) => ({ ...EMPTY, attempt: current.attempt })), []);
  return { errors, show, clear };
}

/** A check done in the browser before anything is sent: [control id, passes, message]. */
export type Check = [fieldId: string, passes: boolean, message: string];

export function failedChecks(checks: Check[]): FieldError[] {
  return checks.filter(([, passes]) => !passes).map(([fieldId, , message]) => ({ fieldId, message }));
}

export const MIN_PASSWORD_LENGTH = 12;

/** The browser's check on a new password; the API checks the rest (common, personal…). */
export function newPasswordCheck(fieldId: string, password: string, t: TFunction): Check {
  return [
    fieldId,
    password.length >= MIN_PASSWORD_LENGTH,
    t('forms.passwordTooShort', { min: MIN_PASSWORD_LENGTH }),
  ];
}

/** Something with an @ and no spaces: enough to catch a slip before the API judges the address. */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+$/.test(value);
}

/** The outcome of an API call as the forms see it: the body of a failure and its response. */
export interface Failure {
  error?: unknown;
  response?: Response;
}

export interface ProblemOptions {
  /** API field name → id of the control that edits it. */
  fields: Record<string, string>;
  /** The control a form-wide problem (wrong password, link expired…) points to. */
  fallbackFieldId: string;
  /** Messages in the learner's language for statuses this form expects, e.g. {401: '…'}. */
  byStatus?: Partial<Record<number, string>>;
}

// The API explains field errors in English, naming the request field ("newPassword is too
// common…"). The rules a person can break are few, so each known rule is said again in the
// learner's language; an unknown message is shown as the API wrote it rather than hidden.
const FIELD_RULES: [RegExp, string][] = [
  [/too common/, 'forms.passwordCommon'],
  [/at least \d+ characters/, 'forms.passwordTooShort'],
  [/at most \d+ characters/, 'forms.passwordTooLong'],
  [/one character repeated/, 'forms.passwordRepeated'],
  [/your name or e-mail/, 'forms.passwordPersonal'],
  [/not your current password/, 'forms.wrongCurrentPassword'],
  [/must be an e-mail address/, 'forms.emailInvalid'],
  [/must not be empty|is required/, 'forms.required'],
];

function fieldMessage(message: string, t: TFunction): string {
  const rule = FIELD_RULES.find(([pattern]) => pattern.test(message));
  return rule ? t(rule[1], { min: MIN_PASSWORD_LENGTH }) : message;
}

/**
 * Turns a failed call into messages for the form. Field errors from the problem's `errors[]` go
 * next to their control; statuses the form expects get its own words in the learner's language;
 * anything else gets a general message rather than the API's English `detail`.
 */
export function problemToErrors(
  failure: Failure | 'offline',
  options: ProblemOptions,
  t: TFunction,
): FieldError[] {
  if (failure === 'offline') return [{ fieldId: options.fallbackFieldId, message: t('forms.offline') }];
  const problem = isProblem(failure.error) ? failure.error : undefined;
  const status = failure.response?.status ?? problem?.status ?? 0;
  const fieldErrors = (problem?.errors ?? [])
    .filter((error) => error.in === 'body' && options.fields[error.field])
    .map((error) => ({ fieldId: options.fields[error.field]!, message: fieldMessage(error.message, t) }));
  if (fieldErrors.length > 0 && (status === 400 || status === 422)) return fieldErrors;
  const expected = options.byStatus?.[status];
  if (expected) return [{ fieldId: options.fallbackFieldId, message: expected }];
  if (status === 429) return [{ fieldId: options.fallbackFieldId, message: t('forms.tooMany') }];
  if (status === 401) return [{ fieldId: options.fallbackFieldId, message: t('forms.signedOut') }];
  if (status === 400 || status === 422)
    return [{ fieldId: options.fallbackFieldId, message: t('forms.invalid') }];
  return [{ fieldId: options.fallbackFieldId, message: t('forms.failed') }];
}

/** Runs an API call, turning a dropped connection (fetch throws) into 'offline'. */
export async function attempt<T extends Failure>(call: () => Promise<T>): Promise<T | 'offline'> {
  try {
    return await call();
  } catch {
    return 'offline';
  }
}
