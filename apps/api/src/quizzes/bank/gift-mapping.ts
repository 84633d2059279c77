/**
 * GIFT questions ↔ the product's question model. GIFT says less than the model (no points, no
 * ordering questions, no units, no case sensitivity) and a little differently (weights in percent,
 * feedback for the right and the wrong true/false answer), so both directions choose:
 *
 * - a multiple-choice question with one answer at 100% and the others at 0% or more is a
 *   single-choice question (partial credit of the others is not kept); otherwise it is a
 *   multiple-response question whose correct options are those with a positive weight, scored
 *   `right-minus-wrong` when some weight is negative and `partial` otherwise;
 * - imported questions are worth 1 point; short answers with `*` are patterns, as in Moodle;
 * - essays are graded by a trainer;
 * - exports write weights back (100/n for each correct option, −100/n for wrong ones when the
 *   scoring subtracts), and skip ordering questions, which GIFT cannot hold.
 */
import { ProblemException } from '../../common/problem/problem.exception.js';
import type { GiftChoice, GiftFormat, GiftQuestion } from '../gift/index.js';
import type { ChoiceOption, Question, RichText } from '../questions/index.js';
import { checkQuestion } from '../questions/validate-question.js';
import { documentToMarkdown, documentToPlain, giftTextToDocument, isPlainDocument } from './gift-text.js';

/** A question as the bank stores it, without its id and version. */
export interface BankQuestionDraft {
  name: string;
  /** The GIFT `$CATEGORY`, cleaned of Moodle's context prefixes; null when the file has none. */
  category: string | null;
  question: Question;
}

export type GiftMapping = { ok: true; draft: BankQuestionDraft } | { ok: false; message: string };

export const DEFAULT_POINTS = 1;
const NAME_CHARS = 200;
const DERIVED_NAME_CHARS = 60;
const CATEGORY_CHARS = 200;

export function giftToQuestion(gift: GiftQuestion): GiftMapping {
  if (gift.body.kind === 'description') {
    return { ok: false, message: 'descriptions are not questions, so this one was not imported' };
  }
  let question: unknown;
  try {
    question = buildQuestion(gift, gift.body);
  } catch (error) {
    if (error instanceof ProblemException) return { ok: false, message: error.problem.detail };
    throw error;
  }
  const checked = checkQuestion(question);
  if (!checked.ok) {
    const [first] = checked.errors;
    return { ok: false, message: `the question cannot be stored: ${first?.field}: ${first?.message}` };
  }
  return {
    ok: true,
    draft: {
      name: clip(gift.name?.trim() || questionName(checked.question), NAME_CHARS),
      category: cleanCategory(gift.category),
      question: checked.question,
    },
  };
}

/** What the bank browser shows for a question without a title: the first words of its prompt. */
export function questionName(question: Question): string {
  const words = documentToPlain(question.prompt).replace(/\s+/g, ' ').trim();
  if (words === '') return question.type;
  if (words.length <= DERIVED_NAME_CHARS) return words;
  const cut = words.slice(0, DERIVED_NAME_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${space > 20 ? cut.slice(0, space) : cut}…`;
}

/** Moodle writes categories as `$course$/top/Default for X`; the context prefix means nothing here. */
export function cleanCategory(category: string | null): string | null {
  if (category === null) return null;
  const cleaned = category
    .replace(/^\$[a-z]+\$\//i, '')
    .replace(/^top(\/|$)/, '')
    .trim();
  return cleaned === '' ? null : clip(cleaned, CATEGORY_CHARS);
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

type Body = Exclude<GiftQuestion['body'], { kind: 'description' }>;

/** The model's fields from GIFT's; `checkQuestion` decides whether they make a valid question. */
function buildQuestion(gift: GiftQuestion, body: Body): Record<string, unknown> {
  const rich = (text: string) => giftTextToDocument(text, gift.format);
  const maybe = (text: string | null) => (text === null || text.trim() === '' ? null : rich(text));
  const base = {
    prompt: rich(gift.text),
    generalFeedback: maybe(gift.generalFeedback),
    points: DEFAULT_POINTS,
  };
  const share = (fraction: number) => Math.min(1, Math.max(0, fraction / 100));
  switch (body.kind) {
    case 'multiple-choice': {
      const options = body.answers.map((answer, index): ChoiceOption => ({
        id: `o${index + 1}`,
        text: rich(answer.text),
        feedback: maybe(answer.feedback),
      }));
      const full = body.answers.filter((answer) => answer.fraction === 100);
      const negative = body.answers.some((answer) => answer.fraction < 0);
      if (full.length === 1 && !negative) {
        const correct = body.answers.indexOf(full[0] as GiftChoice);
        return { type: 'single-choice', ...base, options, correctOptionId: `o${correct + 1}` };
      }
      return {
        type: 'multiple-response',
        ...base,
        options: options.map((option, index) => ({
          ...option,
          correct: (body.answers[index]?.fraction ?? 0) > 0,
        })),
        scoring: negative ? 'right-minus-wrong' : 'partial',
      };
    }
    case 'true-false':
      return {
        type: 'true-false',
        ...base,
        answer: body.answer,
        feedbackTrue: maybe(body.answer ? body.feedbackRight : body.feedbackWrong),
        feedbackFalse: maybe(body.answer ? body.feedbackWrong : body.feedbackRight),
      };
    case 'short-answer':
      return {
        type: 'short-answer',
        ...base,
        answers: body.answers.map((answer) => ({
          text: answer.text,
          fraction: share(answer.fraction),
          feedback: maybe(answer.feedback),
          ...(answer.text.includes('*') ? { pattern: true } : {}),
        })),
        caseSensitive: false,
      };
    case 'numeric':
      return {
        type: 'numeric',
        ...base,
        answers: body.answers.map((answer) => ({
          value: answer.value,
          tolerance: answer.tolerance,
          fraction: share(answer.fraction),
          feedback: maybe(answer.feedback),
        })),
        units: [],
      };
    case 'matching': {
      const pairs = body.pairs.filter((pair) => pair.prompt !== '');
      return {
        type: 'matching',
        ...base,
        pairs: pairs.map((pair, index) => ({
          id: `p${index + 1}`,
          prompt: rich(pair.prompt),
          answer: pair.answer,
        })),
        distractors: body.pairs.filter((pair) => pair.prompt === '').map((pair) => pair.answer),
      };
    }
    case 'essay':
      return { type: 'essay', ...base, graded: true };
  }
}

const HTML_LIKE = /<\/?[a-z][^>]*>/i;

/** Every rich text of a question, to choose one format for all of them (GIFT has one per question). */
function richTexts(question: Question): (RichText | null)[] {
  const shared = [question.prompt, question.generalFeedback];
  switch (question.type) {
    case 'single-choice':
    case 'multiple-response':
      return [...shared, ...question.options.flatMap((option) => [option.text, option.feedback])];
    case 'true-false':
      return [...shared, question.feedbackTrue, question.feedbackFalse];
    case 'short-answer':
    case 'numeric':
      return [...shared, ...question.answers.map((answer) => answer.feedback)];
    case 'matching':
      return [...shared, ...question.pairs.map((pair) => pair.prompt)];
    case 'ordering':
      return [...shared, ...question.items.map((item) => item.text)];
    case 'essay':
      return shared;
  }
}

/** Percent weights written with at most 5 decimals, as Moodle writes them. */
const percent = (share: number) => Math.round(share * 100 * 100_000) / 100_000;

/** The GIFT form of a stored question; null for an ordering question, which GIFT cannot hold. */
export function questionToGift(draft: BankQuestionDraft): GiftQuestion | null {
  const { question } = draft;
  if (question.type === 'ordering') return null;
  const texts = richTexts(question);
  let format: GiftFormat = 'moodle';
  if (!texts.every(isPlainDocument)) format = 'markdown';
  else if (texts.some((text) => HTML_LIKE.test(documentToPlain(text)))) format = 'plain';
  const write = format === 'markdown' ? documentToMarkdown : documentToPlain;
  const maybe = (text: RichText | null) => (text === null ? null : write(text) || null);
  const base = {
    line: 0,
    category: draft.category,
    name: draft.name,
    format,
    text: write(question.prompt),
    generalFeedback: maybe(question.generalFeedback),
  };
  switch (question.type) {
    case 'single-choice':
      return {
        ...base,
        body: {
          kind: 'multiple-choice',
          answers: question.options.map((option) => ({
            text: write(option.text),
            fraction: option.id === question.correctOptionId ? 100 : 0,
            feedback: maybe(option.feedback),
          })),
        },
      };
    case 'multiple-response': {
      const correct = question.options.filter((option) => option.correct).length;
      const wrong = question.scoring === 'right-minus-wrong' ? -percent(1 / correct) : 0;
      return {
        ...base,
        body: {
          kind: 'multiple-choice',
          answers: question.options.map((option) => ({
            text: write(option.text),
            fraction: option.correct ? percent(1 / correct) : wrong,
            feedback: maybe(option.feedback),
          })),
        },
      };
    }
    case 'true-false':
      return {
        ...base,
        body: {
          kind: 'true-false',
          answer: question.answer,
          feedbackRight: maybe(question.answer ? question.feedbackTrue : question.feedbackFalse),
          feedbackWrong: maybe(question.answer ? question.feedbackFalse : question.feedbackTrue),
        },
      };
    case 'short-answer':
      return {
        ...base,
        body: {
          kind: 'short-answer',
          answers: question.answers.map((answer) => ({
            text: answer.text,
            fraction: percent(answer.fraction),
            feedback: maybe(answer.feedback),
          })),
        },
      };
    case 'numeric':
      return {
        ...base,
        body: {
          kind: 'numeric',
          answers: question.answers.map((answer) => ({
            value: answer.value,
            tolerance: answer.tolerance,
            fraction: percent(answer.fraction),
            feedback: maybe(answer.feedback),
          })),
        },
      };
    case 'matching':
      return {
        ...base,
        body: {
          kind: 'matching',
          pairs: [
            ...question.pairs.map((pair) => ({ prompt: write(pair.prompt), answer: pair.answer })),
            ...question.distractors.map((answer) => ({ prompt: '', answer })),
          ],
        },
      };
    case 'essay':
      return { ...base, body: { kind: 'essay' } };
  }
}
