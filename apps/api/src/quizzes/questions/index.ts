export * from './question-model.js';
export { grade, type GradeResult } from './grade.js';
export { longestCorrectSubsequenceFraction, exactPositionFraction } from './grade-structured.js';
export { parseNumericResponse } from './grade-numeric.js';
export { normaliseText } from './grade-text.js';
export { validateResponse, MAX_TEXT_LENGTH, type ResponseValidation } from './validate-response.js';
export { learnerView, shuffledIds, type LearnerView, type LearnerViewOptions } from './learner-view.js';
export {
  checkQuestion,
  validateQuestion,
  QUESTION_LIMITS,
  QUESTION_TYPES,
  type QuestionCheck,
} from './validate-question.js';
