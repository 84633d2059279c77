/** Reads what stands between a question's `{` and `}`: its answers and its general feedback. */
import { findUnescaped, splitBeforeMarkers, unescapeGift } from './gift-escapes.js';
import type { GiftBody, GiftChoice, GiftMatchPair, GiftNumericAnswer } from './gift-question.js';

export type AnswerBlockResult =
  { ok: true; body: GiftBody; generalFeedback: string | null } | { ok: false; message: string };

class AnswerProblem extends Error {}

const TRUE_FALSE = /^(T|TRUE|F|FALSE)\s*(#|$)/i;
const WEIGHT = /^%(-?\d+(?:\.\d+)?)%/;
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

export function parseAnswerBlock(inner: string): AnswerBlockResult {
  const feedbackAt = findUnescaped(inner, '####');
  const answers = (feedbackAt < 0 ? inner : inner.slice(0, feedbackAt)).trim();
  const generalFeedback = feedbackAt < 0 ? null : textOrNull(inner.slice(feedbackAt + 4));
  try {
    return { ok: true, body: parseAnswers(answers), generalFeedback };
  } catch (error) {
    if (error instanceof AnswerProblem) return { ok: false, message: error.message };
    throw error;
  }
}

function parseAnswers(answers: string): GiftBody {
  if (answers === '') return { kind: 'essay' };
  if (answers.startsWith('#')) return parseNumeric(answers.slice(1));
  if (TRUE_FALSE.test(answers)) return parseTrueFalse(answers);

  const { lead, pieces } = splitBeforeMarkers(answers, '=~');
  if (lead.trim() !== '') {
    throw new AnswerProblem(
      `the answers must start with = (right) or ~ (wrong), or be T, F, # (numeric) or empty (essay): '${lead.trim()}'`,
    );
  }
  const allRight = pieces.every((piece) => piece.startsWith('='));
  if (allRight && pieces.some((piece) => piece.includes('->'))) return parseMatching(pieces);
  const choices = pieces.map(parseChoice);
  if (allRight) return { kind: 'short-answer', answers: choices };

  const rightCount = pieces.filter((piece) => piece.startsWith('=')).length;
  const weighted = choices.some((choice) => choice.fraction > 0);
  if (rightCount > 1 || (rightCount === 0 && !weighted)) {
    throw new AnswerProblem(
      'a multiple-choice question needs exactly one correct answer (=) or weights (~%n%)',
    );
  }
  if (choices.length < 2) throw new AnswerProblem('a multiple-choice question needs at least two answers');
  return { kind: 'multiple-choice', answers: choices };
}

function parseTrueFalse(answers: string): GiftBody {
  const [value = '', feedbackWrong = '', feedbackRight = '', ...extra] = splitFeedback(answers);
  if (extra.length > 0)
    throw new AnswerProblem('a true/false question has at most two feedbacks (#wrong#right)');
  return {
    kind: 'true-false',
    answer: value.trim().toUpperCase().startsWith('T'),
    feedbackWrong: textOrNull(feedbackWrong),
    feedbackRight: textOrNull(feedbackRight),
  };
}

/** A weighted answer: `=text`, `~text` or `~%50%text`, with an optional `#feedback`. */
function parseChoice(piece: string): GiftChoice {
  const { fraction, rest } = readWeight(piece);
  const [text = '', feedback = ''] = splitFeedback(rest, 2);
  if (text.trim() === '') throw new AnswerProblem(`an answer has no text: '${piece.trim()}'`);
  return { text: unescapeGift(text.trim()), fraction, feedback: textOrNull(feedback) };
}

function readWeight(piece: string): { fraction: number; rest: string } {
  const marker = piece[0];
  const afterMarker = piece.slice(1).trimStart();
  const weight = WEIGHT.exec(afterMarker);
  if (weight === null) return { fraction: marker === '=' ? 100 : 0, rest: afterMarker };
  const fraction = Number(weight[1]);
  if (fraction < -100 || fraction > 100) {
    throw new AnswerProblem(`the weight ${weight[0]} is outside -100%..100%`);
  }
  return { fraction, rest: afterMarker.slice(weight[0].length) };
}

function parseMatching(pieces: string[]): GiftBody {
  const pairs = pieces.map((piece): GiftMatchPair => {
    const arrow = piece.indexOf('->');
    if (arrow < 0) throw new AnswerProblem(`a matching pair needs 'prompt -> answer': '${piece.trim()}'`);
    const answer = piece.slice(arrow + 2).trim();
    if (answer === '') throw new AnswerProblem(`a matching pair has no answer: '${piece.trim()}'`);
    return { prompt: unescapeGift(piece.slice(1, arrow).trim()), answer: unescapeGift(answer) };
  });
  // Moodle's editing form asks for three answers, but its importer (and its own GIFT example) takes two.
  if (pairs.filter((pair) => pair.prompt !== '').length < 2) {
    throw new AnswerProblem('a matching question needs at least two pairs with a prompt');
  }
  return { kind: 'matching', pairs };
}

function parseNumeric(afterHash: string): GiftBody {
  const trimmed = afterHash.trim();
  if (trimmed === '') throw new AnswerProblem('a numeric question needs a number after #');
  if (!trimmed.startsWith('=') && !trimmed.startsWith('~')) {
    const [spec = '', feedback = ''] = splitFeedback(trimmed, 2);
    return {
      kind: 'numeric',
      answers: [{ ...readNumber(spec), fraction: 100, feedback: textOrNull(feedback) }],
    };
  }
  const { pieces } = splitBeforeMarkers(trimmed, '=~');
  const answers = pieces.map((piece): GiftNumericAnswer => {
    const { fraction, rest } = readWeight(piece);
    const [spec = '', feedback = ''] = splitFeedback(rest, 2);
    return { ...readNumber(spec), fraction, feedback: textOrNull(feedback) };
  });
  return { kind: 'numeric', answers };
}

/** `3.14`, `3.14:0.01` or `1..5`. */
function readNumber(raw: string): { value: number; tolerance: number } {
  const spec = raw.trim();
  const unknown = () => new AnswerProblem(`unknown numeric answer '${spec}'`);
  const range = spec.split('..');
  if (range.length === 2) {
    const [min, max] = range.map((part) => toNumber(part.trim()));
    if (min === undefined || max === undefined) throw unknown();
    if (min > max) throw new AnswerProblem(`the numeric range '${spec}' has its minimum above its maximum`);
    return { value: (min + max) / 2, tolerance: (max - min) / 2 };
  }
  const [valuePart = '', tolerancePart = '0', ...extra] = spec.split(':');
  const value = toNumber(valuePart.trim());
  const tolerance = toNumber(tolerancePart.trim());
  if (value === undefined || tolerance === undefined || extra.length > 0 || tolerance < 0) throw unknown();
  return { value, tolerance };
}

function toNumber(text: string): number | undefined {
  return NUMBER.test(text) ? Number(text) : undefined;
}

/** Splits at unescaped `#`, into at most `limit` parts (the last keeps the rest). */
function splitFeedback(text: string, limit = Infinity): string[] {
  const parts: string[] = [];
  let start = 0;
  while (parts.length < limit - 1) {
    const hash = findUnescaped(text, '#', start);
    if (hash < 0) break;
    parts.push(text.slice(start, hash));
    start = hash + 1;
  }
  parts.push(text.slice(start));
  return parts;
}

function textOrNull(raw: string): string | null {
  const trimmed = raw.trim();
  return trimmed === '' ? null : unescapeGift(trimmed);
}
