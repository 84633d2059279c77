import type { FieldError } from '../../common/problem/problem-details.js';

/** How a quiz runs, as its author set it (ADR 0014). Every field is safe for learners to see. */
export interface QuizSettingsValue {
  /** null: unlimited. */
  attemptsAllowed: number | null;
  /** null: no time limit. */
  timeLimitMinutes: number | null;
  /** Whole percent of the maximum points needed to pass, 0..100. */
  passingScore: number;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  layout: 'one-per-page' | 'all-on-one-page';
  availableFrom: string | null;
  availableUntil: string | null;
  feedback: 'immediate' | 'after-submit' | 'after-close';
  showCorrectAnswers: boolean;
  grade: 'highest' | 'latest';
  completion: 'pass' | 'submit';
}

export type QuizSlotValue =
  | { kind: 'question'; questionId: string; points?: number | null }
  | { kind: 'random'; category: string; count: number; points?: number | null };

/** A new quiz: unlimited attempts without a time limit, 70% to pass, feedback once submitted. */
export const DEFAULT_SETTINGS: QuizSettingsValue = {
  attemptsAllowed: null,
  timeLimitMinutes: null,
  passingScore: 70,
  shuffleQuestions: false,
  shuffleOptions: true,
  layout: 'one-per-page',
  availableFrom: null,
  availableUntil: null,
  feedback: 'after-submit',
  showCorrectAnswers: true,
  grade: 'highest',
  completion: 'pass',
};

export const LAYOUTS = ['one-per-page', 'all-on-one-page'] as const;
export const FEEDBACK_TIMINGS = ['immediate', 'after-submit', 'after-close'] as const;
export const GRADE_RULES = ['highest', 'latest'] as const;
export const COMPLETION_RULES = ['pass', 'submit'] as const;

/** Enough for any real quiz; keeps one attempt's rows and one learner view bounded. */
export const MAX_SLOTS = 200;
export const MAX_QUESTIONS = 500;
const MAX_ATTEMPTS = 100;
const MAX_MINUTES = 7 * 24 * 60;
const MAX_POINTS = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Checked<T> = { value: T; errors: FieldError[] };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks an author's settings field by field and answers either the settings, normalised, or the
 * errors naming each bad path (`settings.passingScore`). Unknown fields are refused, not dropped.
 */
export function checkSettings(input: unknown, field = 'settings'): Checked<QuizSettingsValue> {
  const errors: FieldError[] = [];
  const error = (name: string, message: string) =>
    errors.push({ field: name ? `${field}.${name}` : field, message, in: 'body' });
  if (!isObject(input)) {
    error('', `${field} must be an object`);
    return { value: DEFAULT_SETTINGS, errors };
  }
  for (const key of Object.keys(input)) {
    if (!(key in DEFAULT_SETTINGS)) error(key, `${key} is not a quiz setting`);
  }
  const wholeOrNull = (name: keyof QuizSettingsValue, min: number, max: number): number | null => {
    const value = input[name];
    if (value === null) return null;
    if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
      error(name, `${name} must be null or a whole number from ${min} to ${max}`);
      return null;
    }
    return value as number;
  };
  const oneOf = <T extends string>(name: keyof QuizSettingsValue, values: readonly T[]): T => {
    const value = input[name];
    if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
      error(name, `${name} must be one of ${values.join(', ')}`);
      return values[0]!;
    }
    return value as T;
  };
  const flag = (name: keyof QuizSettingsValue): boolean => {
    const value = input[name];
    if (typeof value !== 'boolean') {
      error(name, `${name} must be true or false`);
      return false;
    }
    return value;
  };
  const instant = (name: keyof QuizSettingsValue): string | null => {
    const value = input[name];
    if (value === null) return null;
    const time = typeof value === 'string' ? Date.parse(value) : NaN;
    if (!Number.isFinite(time)) {
      error(name, `${name} must be null or a date and time (ISO 8601)`);
      return null;
    }
    return new Date(time).toISOString();
  };
  const passing = input.passingScore;
  const passingScore =
    typeof passing === 'number' && Number.isFinite(passing) && passing >= 0 && passing <= 100
      ? passing
      : null;
  if (passingScore === null) error('passingScore', 'passingScore must be a number from 0 to 100');
  const value: QuizSettingsValue = {
    attemptsAllowed: wholeOrNull('attemptsAllowed', 1, MAX_ATTEMPTS),
    timeLimitMinutes: wholeOrNull('timeLimitMinutes', 1, MAX_MINUTES),
    passingScore: passingScore ?? DEFAULT_SETTINGS.passingScore,
    shuffleQuestions: flag('shuffleQuestions'),
    shuffleOptions: flag('shuffleOptions'),
    layout: oneOf('layout', LAYOUTS),
    availableFrom: instant('availableFrom'),
    availableUntil: instant('availableUntil'),
    feedback: oneOf('feedback', FEEDBACK_TIMINGS),
    showCorrectAnswers: flag('showCorrectAnswers'),
    grade: oneOf('grade', GRADE_RULES),
    completion: oneOf('completion', COMPLETION_RULES),
  };
  if (value.availableFrom && value.availableUntil && value.availableFrom >= value.availableUntil) {
    error('availableUntil', 'availableUntil must be after availableFrom');
  }
  return { value, errors };
}

/** Checks the slots' shapes (not whether their questions exist: that needs the bank). */
export function checkSlots(input: unknown, field = 'slots'): Checked<QuizSlotValue[]> {
  const errors: FieldError[] = [];
  const error = (path: string, message: string) => errors.push({ field: path, message, in: 'body' });
  if (!Array.isArray(input)) {
    error(field, `${field} must be a list`);
    return { value: [], errors };
  }
  if (input.length > MAX_SLOTS) error(field, `a quiz holds at most ${MAX_SLOTS} slots`);
  const slots: QuizSlotValue[] = [];
  const fixed = new Set<string>();
  let questions = 0;
  input.forEach((slot: unknown, index) => {
    const at = `${field}[${index}]`;
    if (!isObject(slot)) return error(at, 'a slot must be an object');
    const points = slot.points ?? null;
    if (points !== null && (typeof points !== 'number' || !(points > 0) || points > MAX_POINTS)) {
      error(`${at}.points`, `points must be null or a number above 0 and at most ${MAX_POINTS}`);
    }
    const allowed =
      slot.kind === 'random' ? ['kind', 'category', 'count', 'points'] : ['kind', 'questionId', 'points'];
    for (const key of Object.keys(slot)) {
      if (!allowed.includes(key)) error(`${at}.${key}`, `${key} is not a field of this slot`);
    }
    if (slot.kind === 'question') {
      const id = slot.questionId;
      if (typeof id !== 'string' || !UUID.test(id))
        return error(`${at}.questionId`, 'questionId must be a UUID');
      const questionId = id.toLowerCase();
      if (fixed.has(questionId)) error(`${at}.questionId`, 'this question is in the quiz already');
      fixed.add(questionId);
      questions += 1;
      slots.push({ kind: 'question', questionId, points: points as number | null });
    } else if (slot.kind === 'random') {
      const category = slot.category;
      if (typeof category !== 'string' || category.trim() === '' || category.length > 200) {
        error(`${at}.category`, 'category must be the name of a category of the bank');
      }
      const count = slot.count;
      if (!Number.isInteger(count) || (count as number) < 1 || (count as number) > MAX_QUESTIONS) {
        error(`${at}.count`, `count must be a whole number from 1 to ${MAX_QUESTIONS}`);
      } else {
        questions += count as number;
      }
      slots.push({
        kind: 'random',
        category: String(category),
        count: Number(count),
        points: points as number | null,
      });
    } else {
      error(`${at}.kind`, 'kind must be "question" or "random"');
    }
  });
  if (questions > MAX_QUESTIONS) error(field, `a quiz asks at most ${MAX_QUESTIONS} questions`);
  return { value: slots, errors };
}
