import { NOTHING, present, type Score } from './grade-result.js';
import type {
  MultipleResponseQuestion,
  MultipleResponseResponse,
  SingleChoiceQuestion,
  SingleChoiceResponse,
  TrueFalseQuestion,
  TrueFalseResponse,
} from './question-model.js';

export function gradeSingleChoice(
  question: SingleChoiceQuestion,
  response: SingleChoiceResponse | null,
): Score {
  const chosen = question.options.find((option) => option.id === response?.optionId);
  if (!chosen) return NOTHING;
  return { fraction: chosen.id === question.correctOptionId ? 1 : 0, feedback: present(chosen.feedback) };
}

export function gradeMultipleResponse(
  question: MultipleResponseQuestion,
  response: MultipleResponseResponse | null,
): Score {
  if (!response) return NOTHING;
  const chosenIds = new Set(response.optionIds);
  const chosen = question.options.filter((option) => chosenIds.has(option.id));
  const correctCount = question.options.filter((option) => option.correct).length;
  const right = chosen.filter((option) => option.correct).length;
  const wrong = chosen.length - right;
  const feedback = present(...chosen.map((option) => option.feedback));
  const allRight = right === correctCount && wrong === 0;
  // With no correct option, only choosing nothing is right, whatever the scoring.
  if (question.scoring === 'all-or-nothing' || correctCount === 0) {
    return { fraction: allRight ? 1 : 0, feedback };
  }
  if (question.scoring === 'partial') {
    return { fraction: wrong > 0 ? 0 : right / correctCount, feedback };
  }
  return { fraction: Math.max(0, (right - wrong) / correctCount), feedback };
}

export function gradeTrueFalse(question: TrueFalseQuestion, response: TrueFalseResponse | null): Score {
  if (!response) return NOTHING;
  const feedback = present(response.answer ? question.feedbackTrue : question.feedbackFalse);
  return { fraction: response.answer === question.answer ? 1 : 0, feedback };
}
