import type { FieldError } from '../../common/problem/problem-details.js';
import { ProblemType } from '../../common/problem/problem-details.js';
import { ProblemException } from '../../common/problem/problem.exception.js';
import { validateDocument } from '../../rich-text/validate-document.js';
import type {
  ChoiceOption,
  MatchingPair,
  MultipleResponseScoring,
  NumericAnswer,
  NumericUnit,
  OrderingItem,
  Question,
  QuestionType,
  RichText,
  ShortAnswer,
} from './question-model.js';

/** How large one question may grow: enough for any real question, small enough to cache many. */
export const QUESTION_LIMITS = {
  options: 50,
  answers: 50,
  units: 20,
  distractors: 50,
  idChars: 50,
  answerChars: 500,
  unitChars: 30,
  maxPoints: 1000,
  maxMinWords: 10_000,
} as const;

export const QUESTION_TYPES: readonly QuestionType[] = [
  'single-choice',
  'multiple-response',
  'true-false',
  'short-answer',
  'numeric',
  'matching',
  'ordering',
  'essay',
];

const SCORINGS: readonly MultipleResponseScoring[] = ['all-or-nothing', 'partial', 'right-minus-wrong'];

const COMMON_FIELDS = ['type', 'prompt', 'generalFeedback', 'points'];
const FIELDS: Record<QuestionType, string[]> = {
  'single-choice': ['options', 'correctOptionId'],
  'multiple-response': ['options', 'scoring'],
  'true-false': ['answer', 'feedbackTrue', 'feedbackFalse'],
  'short-answer': ['answers', 'caseSensitive'],
  numeric: ['answers', 'units'],
  matching: ['pairs', 'distractors'],
  ordering: ['items'],
  essay: ['graded', 'minWords'],
};

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Nodes that make sense in a lesson but not inside a question a learner answers. */
const NOT_IN_QUESTIONS = new Set(['reflection']);

/** Collects every problem of one question, so an author fixes them all at once. */
class QuestionChecker {
  readonly errors: FieldError[] = [];

  fail(field: string, message: string): void {
    this.errors.push({ field, message, in: 'body' });
  }

  /** Refuses fields the type does not have: a client bug is named rather than silently dropped. */
  known(value: Json, path: string, fields: string[]): void {
    for (const key of Object.keys(value)) {
      if (!fields.includes(key)) this.fail(`${path}.${key}`, `unknown field "${key.slice(0, 50)}"`);
    }
  }

  richText(value: unknown, path: string, options: { required: boolean }): RichText | null {
    if (value === undefined || value === null) {
      if (options.required) this.fail(path, 'is required: a document {"type": "doc", "content": [...]}');
      return null;
    }
    try {
      const { document } = validateDocument(value, { field: path });
      this.questionNodes(document.content, `${path}.content`);
      if (options.required && !hasText(document)) {
        this.fail(path, 'must not be empty');
        return null;
      }
      // An empty optional document means "none", stored as null so every reader has one case.
      return hasText(document) ? (document as RichText) : null;
    } catch (error) {
      if (!(error instanceof ProblemException)) throw error;
      for (const problem of error.problem.errors ?? []) this.errors.push(problem);
      return null;
    }
  }

  private questionNodes(nodes: unknown[], path: string): void {
    nodes.forEach((node, index) => {
      if (!isObject(node)) return;
      const at = `${path}[${index}]`;
      if (typeof node.type === 'string' && NOT_IN_QUESTIONS.has(node.type)) {
        this.fail(`${at}.type`, `a "${node.type}" block is not allowed in a question`);
      }
      if (Array.isArray(node.content)) this.questionNodes(node.content, `${at}.content`);
    });
  }

  id(value: unknown, path: string, seen: Set<string>): string {
    if (typeof value !== 'string' || value.trim() === '') {
      this.fail(path, 'must be a non-empty text id');
      return '';
    }
    if (value.length > QUESTION_LIMITS.idChars) {
      this.fail(path, `must be at most ${QUESTION_LIMITS.idChars} characters`);
    } else if (seen.has(value)) {
      this.fail(path, `the id "${value}" is used twice`);
    }
    seen.add(value);
    return value;
  }

  text(value: unknown, path: string, max: number): string {
    if (typeof value !== 'string' || value.trim() === '') {
      this.fail(path, 'must be non-empty text');
      return '';
    }
    if (value.length > max) this.fail(path, `must be at most ${max} characters`);
    return value.trim();
  }

  boolean(value: unknown, path: string): boolean {
    if (typeof value !== 'boolean') this.fail(path, 'must be true or false');
    return value === true;
  }

  number(value: unknown, path: string, rule: { min?: number; above?: number; max?: number }): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.fail(path, 'must be a number');
      return 0;
    }
    if (rule.above !== undefined && value <= rule.above) this.fail(path, `must be above ${rule.above}`);
    if (rule.min !== undefined && value < rule.min) this.fail(path, `must be at least ${rule.min}`);
    if (rule.max !== undefined && value > rule.max) this.fail(path, `must be at most ${rule.max}`);
    return value;
  }

  fraction(value: unknown, path: string): number {
    return this.number(value, path, { min: 0, max: 1 });
  }

  /** The entries of a list with their paths; reports a missing list or a wrong length. */
  list(value: unknown, path: string, min: number, max: number, what: string): { raw: Json; path: string }[] {
    if (!Array.isArray(value)) {
      this.fail(path, `must be a list of ${what}`);
      return [];
    }
    if (value.length < min) this.fail(path, `needs at least ${min} ${what}`);
    if (value.length > max) this.fail(path, `may hold at most ${max} ${what}`);
    return value.slice(0, max).flatMap((raw: unknown, index) => {
      const at = `${path}[${index}]`;
      if (!isObject(raw)) {
        this.fail(at, 'must be an object');
        return [];
      }
      return [{ raw, path: at }];
    });
  }
}

/** Whether the document holds anything besides empty paragraphs (an image alone counts). */
function hasText(document: { content: { type: string; content?: unknown[] }[] }): boolean {
  return document.content.some((block) => block.type !== 'paragraph' || (block.content ?? []).length > 0);
}

function checkOptions(c: QuestionChecker, value: unknown, path: string, withCorrect: boolean) {
  const seen = new Set<string>();
  return c.list(value, path, 2, QUESTION_LIMITS.options, 'options').map(({ raw, path: at }) => {
    c.known(raw, at, withCorrect ? ['id', 'text', 'feedback', 'correct'] : ['id', 'text', 'feedback']);
    const option: ChoiceOption = {
      id: c.id(raw.id, `${at}.id`, seen),
      text: c.richText(raw.text, `${at}.text`, { required: true }) ?? emptyDoc(),
      feedback: c.richText(raw.feedback, `${at}.feedback`, { required: false }),
    };
    return withCorrect ? { ...option, correct: c.boolean(raw.correct, `${at}.correct`) } : option;
  });
}

const emptyDoc = (): RichText => ({ type: 'doc', content: [] });

function checkFullMark(c: QuestionChecker, answers: { fraction: number }[], path: string): void {
  if (answers.length > 0 && !answers.some((answer) => answer.fraction === 1)) {
    c.fail(path, 'at least one answer must be worth the full mark (fraction 1)');
  }
}

/** The type-specific fields, checked and copied one by one into a clean question. */
function checkBody(c: QuestionChecker, type: QuestionType, input: Json, field: string): Partial<Question> {
  const at = (name: string) => `${field}.${name}`;
  switch (type) {
    case 'single-choice': {
      const options = checkOptions(c, input.options, at('options'), false);
      const correctOptionId = typeof input.correctOptionId === 'string' ? input.correctOptionId : '';
      if (!options.some((option) => option.id === correctOptionId && correctOptionId !== '')) {
        c.fail(at('correctOptionId'), 'must be the id of one of the options');
      }
      return { type, options, correctOptionId };
    }
    case 'multiple-response': {
      const options = checkOptions(c, input.options, at('options'), true) as (ChoiceOption & {
        correct: boolean;
      })[];
      if (options.length > 0 && !options.some((option) => option.correct)) {
        c.fail(at('options'), 'at least one option must be correct');
      }
      const scoring = input.scoring as MultipleResponseScoring;
      if (!SCORINGS.includes(scoring)) c.fail(at('scoring'), `must be one of ${SCORINGS.join(', ')}`);
      return { type, options, scoring };
    }
    case 'true-false':
      return {
        type,
        answer: c.boolean(input.answer, at('answer')),
        feedbackTrue: c.richText(input.feedbackTrue, at('feedbackTrue'), { required: false }),
        feedbackFalse: c.richText(input.feedbackFalse, at('feedbackFalse'), { required: false }),
      };
    case 'short-answer': {
      const answers = c
        .list(input.answers, at('answers'), 1, QUESTION_LIMITS.answers, 'answers')
        .map(({ raw, path }): ShortAnswer => {
          c.known(raw, path, ['text', 'fraction', 'feedback', 'pattern']);
          const pattern = raw.pattern === undefined ? false : c.boolean(raw.pattern, `${path}.pattern`);
          return {
            text: c.text(raw.text, `${path}.text`, QUESTION_LIMITS.answerChars),
            fraction: c.fraction(raw.fraction, `${path}.fraction`),
            feedback: c.richText(raw.feedback, `${path}.feedback`, { required: false }),
            ...(pattern ? { pattern } : {}),
          };
        });
      checkFullMark(c, answers, at('answers'));
      return { type, answers, caseSensitive: c.boolean(input.caseSensitive, at('caseSensitive')) };
    }
    case 'numeric': {
      const answers = c
        .list(input.answers, at('answers'), 1, QUESTION_LIMITS.answers, 'answers')
        .map(({ raw, path }): NumericAnswer => {
          c.known(raw, path, ['value', 'tolerance', 'fraction', 'feedback']);
          return {
            value: c.number(raw.value, `${path}.value`, {}),
            tolerance: c.number(raw.tolerance, `${path}.tolerance`, { min: 0 }),
            fraction: c.fraction(raw.fraction, `${path}.fraction`),
            feedback: c.richText(raw.feedback, `${path}.feedback`, { required: false }),
          };
        });
      checkFullMark(c, answers, at('answers'));
      const seenUnits = new Set<string>();
      const units = c
        .list(input.units ?? [], at('units'), 0, QUESTION_LIMITS.units, 'units')
        .map(({ raw, path }): NumericUnit => {
          c.known(raw, path, ['unit', 'multiplier']);
          const unit = c.text(raw.unit, `${path}.unit`, QUESTION_LIMITS.unitChars);
          if (seenUnits.has(unit)) c.fail(`${path}.unit`, `the unit "${unit}" is listed twice`);
          seenUnits.add(unit);
          return { unit, multiplier: c.number(raw.multiplier, `${path}.multiplier`, { above: 0 }) };
        });
      return { type, answers, units };
    }
    case 'matching': {
      const seen = new Set<string>();
      const pairs = c
        .list(input.pairs, at('pairs'), 2, QUESTION_LIMITS.options, 'pairs')
        .map(({ raw, path }): MatchingPair => {
          c.known(raw, path, ['id', 'prompt', 'answer']);
          return {
            id: c.id(raw.id, `${path}.id`, seen),
            prompt: c.richText(raw.prompt, `${path}.prompt`, { required: true }) ?? emptyDoc(),
            answer: c.text(raw.answer, `${path}.answer`, QUESTION_LIMITS.answerChars),
          };
        });
      const answers = new Set(pairs.map((pair) => pair.answer));
      const distractors: string[] = [];
      const raw = input.distractors ?? [];
      if (!Array.isArray(raw)) c.fail(at('distractors'), 'must be a list of texts');
      else if (raw.length > QUESTION_LIMITS.distractors) {
        c.fail(at('distractors'), `may hold at most ${QUESTION_LIMITS.distractors} texts`);
      } else {
        raw.forEach((value: unknown, index) => {
          const path = `${at('distractors')}[${index}]`;
          const text = c.text(value, path, QUESTION_LIMITS.answerChars);
          if (answers.has(text)) c.fail(path, `"${text}" is already the answer of a pair`);
          distractors.push(text);
        });
      }
      return { type, pairs, distractors };
    }
    case 'ordering': {
      const seen = new Set<string>();
      const items = c
        .list(input.items, at('items'), 2, QUESTION_LIMITS.options, 'items')
        .map(({ raw, path }): OrderingItem => {
          c.known(raw, path, ['id', 'text']);
          return {
            id: c.id(raw.id, `${path}.id`, seen),
            text: c.richText(raw.text, `${path}.text`, { required: true }) ?? emptyDoc(),
          };
        });
      return { type, items };
    }
    case 'essay': {
      const graded = c.boolean(input.graded, at('graded'));
      if (input.minWords === undefined || input.minWords === null) return { type, graded };
      const minWords = c.number(input.minWords, at('minWords'), { min: 1, max: QUESTION_LIMITS.maxMinWords });
      if (!Number.isInteger(minWords)) c.fail(at('minWords'), 'must be a whole number');
      return { type, graded, minWords };
    }
  }
}

export type QuestionCheck = { ok: true; question: Question } | { ok: false; errors: FieldError[] };

/**
 * Checks an untrusted question body of any type and builds a clean copy: every id, answer key and
 * mark is checked, and every rich text is validated (and sanitized) as lessons' documents are.
 * Each problem is named by its path under `field`, for example `question.options[1].text`.
 */
export function checkQuestion(input: unknown, field = 'question'): QuestionCheck {
  const c = new QuestionChecker();
  if (!isObject(input)) {
    return { ok: false, errors: [{ field, message: 'must be a question object with a type', in: 'body' }] };
  }
  const type = input.type as QuestionType;
  if (!QUESTION_TYPES.includes(type)) {
    return {
      ok: false,
      errors: [
        { field: `${field}.type`, message: `must be one of ${QUESTION_TYPES.join(', ')}`, in: 'body' },
      ],
    };
  }
  c.known(input, field, [...COMMON_FIELDS, ...FIELDS[type]]);
  const prompt = c.richText(input.prompt, `${field}.prompt`, { required: true });
  const generalFeedback = c.richText(input.generalFeedback, `${field}.generalFeedback`, { required: false });
  const points = c.number(input.points, `${field}.points`, { above: 0, max: QUESTION_LIMITS.maxPoints });
  const body = checkBody(c, type, input, field);
  if (c.errors.length > 0) return { ok: false, errors: c.errors };
  return {
    ok: true,
    question: { ...body, prompt: prompt ?? emptyDoc(), generalFeedback, points } as Question,
  };
}

/** `checkQuestion` for request handlers: the clean question, or a 422 listing every problem by path. */
export function validateQuestion(input: unknown, field = 'question'): Question {
  const result = checkQuestion(input, field);
  if (result.ok) return result.question;
  const { errors } = result;
  throw new ProblemException({
    status: 422,
    type: ProblemType.ValidationFailed,
    detail:
      errors
        .slice(0, 5)
        .map((error) => `${error.field}: ${error.message}`)
        .join('; ') + (errors.length > 5 ? `; and ${errors.length - 5} more` : ''),
    errors: errors.slice(0, 100),
  });
}
