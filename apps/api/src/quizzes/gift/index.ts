export type {
  GiftBody,
  GiftChoice,
  GiftFormat,
  GiftKind,
  GiftMatchPair,
  GiftNumericAnswer,
  GiftParseResult,
  GiftProblem,
  GiftQuestion,
} from './gift-question.js';
export { MISSING_WORD } from './gift-question.js';
export { parseGift } from './gift-parser.js';
export { writeGift } from './gift-writer.js';
