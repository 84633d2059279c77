import { gradeMultipleResponse, gradeSingleChoice, gradeTrueFalse } from './grade-choice.js';
import { gradeNumeric } from './grade-numeric.js';
import { graded, type GradeResult } from './grade-result.js';
import { gradeMatching, gradeOrdering } from './grade-structured.js';
import { gradeShortAnswer } from './grade-text.js';
import type {
  MatchingResponse,
  MultipleResponseResponse,
  OrderingResponse,
  Question,
  Response,
  SingleChoiceResponse,
  TextResponse,
  TrueFalseResponse,
} from './question-model.js';

export type { GradeResult } from './grade-result.js';

/*
 * A response of the wrong shape for its question is graded as unanswered rather than thrown on:
 * validation should have caught it, and a mark of 0 is safer than a failed attempt submission.
 */
const asSingle = (r: Response | null) => (r && 'optionId' in r ? (r as SingleChoiceResponse) : null);
const asMultiple = (r: Response | null) =>
  r && 'optionIds' in r && Array.isArray(r.optionIds) ? (r as MultipleResponseResponse) : null;
const asTrueFalse = (r: Response | null) =>
  r && 'answer' in r && typeof r.answer === 'boolean' ? (r as TrueFalseResponse) : null;
const asText = (r: Response | null) =>
  r && 'text' in r && typeof r.text === 'string' ? (r as TextResponse) : null;
const asMatching = (r: Response | null) =>
  r && 'matches' in r && typeof r.matches === 'object' && r.matches !== null ? (r as MatchingResponse) : null;
const asOrdering = (r: Response | null) =>
  r && 'order' in r && Array.isArray(r.order) ? (r as OrderingResponse) : null;

/** Grades a validated response; `null` is an unanswered question. */
export function grade(question: Question, response: Response | null): GradeResult {
  switch (question.type) {
    case 'single-choice':
      return graded(gradeSingleChoice(question, asSingle(response)), question.points);
    case 'multiple-response':
      return graded(gradeMultipleResponse(question, asMultiple(response)), question.points);
    case 'true-false':
      return graded(gradeTrueFalse(question, asTrueFalse(response)), question.points);
    case 'short-answer':
      return graded(gradeShortAnswer(question, asText(response)), question.points);
    case 'numeric':
      return graded(gradeNumeric(question, asText(response)), question.points);
    case 'matching':
      return graded(gradeMatching(question, asMatching(response)), question.points);
    case 'ordering':
      return graded(gradeOrdering(question, asOrdering(response)), question.points);
    case 'essay':
      return question.graded ? { status: 'needs-grading' } : { status: 'ungraded' };
  }
}
