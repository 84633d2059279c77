import { NOTHING, present, type Score } from './grade-result.js';
import type { ShortAnswer, ShortAnswerQuestion, TextResponse } from './question-model.js';

/** Same text typed on different keyboards or with stray spaces should compare equal. */
export function normaliseText(text: string, caseSensitive: boolean): string {
  const spaced = text.normalize('NFKC').trim().replace(/\s+/gu, ' ');
  // Upper-casing first folds ß to SS, so "Straße" matches "STRASSE".
  return caseSensitive ? spaced : spaced.toUpperCase().toLowerCase();
}

/** `*` matches any run of characters; every other character stands for itself. */
function patternToRegExp(pattern: string): RegExp {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 'su');
}

function matches(answer: ShortAnswer, text: string, caseSensitive: boolean): boolean {
  const expected = normaliseText(answer.text, caseSensitive);
  return answer.pattern ? patternToRegExp(expected).test(text) : expected === text;
}

export function gradeShortAnswer(question: ShortAnswerQuestion, response: TextResponse | null): Score {
  if (!response) return NOTHING;
  const text = normaliseText(response.text, question.caseSensitive);
  let best: ShortAnswer | null = null;
  for (const answer of question.answers) {
    // The first of equally good answers wins, so authors control which feedback shows.
    if (matches(answer, text, question.caseSensitive) && (!best || answer.fraction > best.fraction)) {
      best = answer;
    }
  }
  return best ? { fraction: best.fraction, feedback: present(best.feedback) } : NOTHING;
}
