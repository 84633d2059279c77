import { NOTHING, present, type Score } from './grade-result.js';
import type { NumericAnswer, NumericQuestion, NumericUnit, TextResponse } from './question-model.js';

const NUMBER_THEN_UNIT = /^([+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:e[+-]?\d+)?)\s*(.*)$/iu;

/**
 * The response's value in the base unit, or null when it holds no number or an unknown unit.
 * A comma is a decimal separator only when there is no dot, so "1,234.5" is refused, not misread.
 */
export function parseNumericResponse(text: string, units: NumericUnit[]): number | null {
  const cleaned = text.normalize('NFKC').trim().replace(/\s+/gu, ' ').replace(/^[−–]/u, '-');
  const found = NUMBER_THEN_UNIT.exec(cleaned);
  if (!found) return null;
  const [, numberText = '', unitText = ''] = found;
  if (numberText.includes(',') && cleaned.includes('.')) return null;
  const value = Number(numberText.replace(',', '.'));
  if (!Number.isFinite(value)) return null;
  if (unitText === '') return value;
  const unit = units.find((candidate) => candidate.unit.trim() === unitText);
  if (!unit || !Number.isFinite(unit.multiplier) || unit.multiplier === 0) return null;
  return value / unit.multiplier;
}

/** Inclusive, with a little slack so 3.15 is within 0.01 of 3.14 despite binary fractions. */
function accepts(answer: NumericAnswer, value: number): boolean {
  const slack = 1e-9 * Math.max(1, Math.abs(answer.value), answer.tolerance);
  return Math.abs(value - answer.value) <= answer.tolerance + slack;
}

export function gradeNumeric(question: NumericQuestion, response: TextResponse | null): Score {
  if (!response) return NOTHING;
  const value = parseNumericResponse(response.text, question.units);
  if (value === null) return NOTHING;
  let best: NumericAnswer | null = null;
  for (const answer of question.answers) {
    if (accepts(answer, value) && (!best || answer.fraction > best.fraction)) best = answer;
  }
  return best ? { fraction: best.fraction, feedback: present(best.feedback) } : NOTHING;
}
