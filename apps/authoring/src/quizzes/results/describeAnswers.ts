import type { TFunction } from 'i18next';
import type { Question } from '../../questions/questionModel';
import { docToText } from '../../questions/richText';

/*
 * A learner's response and the question's correct answer as lines of plain text, for the review page
 * and its screen-reader users alike (a table of radio buttons would say less).
 */

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function describeResponse(t: TFunction, question: Question, response: unknown): string[] {
  if (!isRecord(response)) return [t('quizzes.review.noResponse')];
  switch (question.type) {
    case 'single-choice': {
      const option = question.options.find((entry) => entry.id === response.optionId);
      return [option ? docToText(option.text) : String(response.optionId ?? '')];
    }
    case 'multiple-response': {
      const ids = Array.isArray(response.optionIds) ? (response.optionIds as unknown[]) : [];
      const texts = question.options
        .filter((option) => ids.includes(option.id))
        .map((option) => docToText(option.text));
      return texts.length > 0 ? texts : [t('quizzes.review.noneChosen')];
    }
    case 'true-false':
      return [t(response.answer === true ? 'questions.form.true' : 'questions.form.false')];
    case 'short-answer':
    case 'numeric':
    case 'essay':
      return [String(response.text ?? '')];
    case 'matching': {
      const matches = isRecord(response.matches) ? response.matches : {};
      return question.pairs.map((pair) =>
        t('quizzes.review.match', {
          prompt: docToText(pair.prompt),
          answer: typeof matches[pair.id] === 'string' ? matches[pair.id] : t('quizzes.review.noneChosen'),
        }),
      );
    }
    case 'ordering': {
      const order = Array.isArray(response.order) ? (response.order as unknown[]) : [];
      return order.map((id) => docToText(question.items.find((item) => item.id === id)?.text));
    }
  }
}

export function describeCorrect(t: TFunction, question: Question): string[] {
  const percent = (fraction: number) => Math.round(fraction * 100);
  switch (question.type) {
    case 'single-choice':
      return question.options.filter((o) => o.id === question.correctOptionId).map((o) => docToText(o.text));
    case 'multiple-response':
      return question.options.filter((o) => o.correct).map((o) => docToText(o.text));
    case 'true-false':
      return [t(question.answer ? 'questions.form.true' : 'questions.form.false')];
    case 'short-answer':
      return question.answers
        .filter((answer) => answer.fraction > 0)
        .map((answer) =>
          t('quizzes.review.acceptedAnswer', { text: answer.text, percent: percent(answer.fraction) }),
        );
    case 'numeric':
      return question.answers
        .filter((answer) => answer.fraction > 0)
        .map((answer) =>
          t('quizzes.review.acceptedValue', {
            value: answer.value,
            tolerance: answer.tolerance,
            percent: percent(answer.fraction),
          }),
        );
    case 'matching':
      return question.pairs.map((pair) =>
        t('quizzes.review.match', { prompt: docToText(pair.prompt), answer: pair.answer }),
      );
    case 'ordering':
      return question.items.map((item) => docToText(item.text));
    case 'essay':
      return [];
  }
}
