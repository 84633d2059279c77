import type { ChoiceOption, Question, QuestionType, RichText } from './questionModel';
import { textToDoc } from './richText';

/** An id for an option, pair or item: unique within its question, which is all the API asks. */
export function newId(): string {
  return Math.random().toString(36).slice(2, 10);
}

const emptyDoc = (): RichText => ({ type: 'doc', content: [{ type: 'paragraph' }] });

const option = (): ChoiceOption => ({ id: newId(), text: textToDoc(''), feedback: null });

/**
 * A question of `type` to start from. Switching type keeps what all types share (prompt, general
 * feedback, points), so choosing the wrong type first costs nothing.
 */
export function blankQuestion(type: QuestionType, from?: Question): Question {
  const base = {
    prompt: from?.prompt ?? emptyDoc(),
    generalFeedback: from?.generalFeedback ?? null,
    points: from?.points ?? 1,
  };
  switch (type) {
    case 'single-choice': {
      const options = [option(), option(), option()];
      return { type, ...base, options, correctOptionId: options[0]!.id };
    }
    case 'multiple-response':
      return {
        type,
        ...base,
        options: [option(), option(), option()].map((o, index) => ({ ...o, correct: index === 0 })),
        scoring: 'partial',
      };
    case 'true-false':
      return { type, ...base, answer: true, feedbackTrue: null, feedbackFalse: null };
    case 'short-answer':
      return { type, ...base, answers: [{ text: '', fraction: 1, feedback: null }], caseSensitive: false };
    case 'numeric':
      return { type, ...base, answers: [{ value: 0, tolerance: 0, fraction: 1, feedback: null }], units: [] };
    case 'matching':
      return {
        type,
        ...base,
        pairs: [1, 2, 3].map(() => ({ id: newId(), prompt: textToDoc(''), answer: '' })),
        distractors: [],
      };
    case 'ordering':
      return { type, ...base, items: [1, 2, 3].map(() => ({ id: newId(), text: textToDoc('') })) };
    case 'essay':
      return { type, ...base, graded: true };
  }
}
