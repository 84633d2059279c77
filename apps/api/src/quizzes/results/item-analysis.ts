import { plainText } from '../questions/plain-text.js';
import type { Question } from '../questions/question-model.js';
import type { ChoiceFrequency, QuestionAnalysis, QuizAnalysis } from './quiz-results.dto.js';

export interface QuestionStatisticsRow {
  questionId: string;
  latestVersion: number;
  /** The first slot it was seen in: questions are listed in the quiz's order. */
  firstSlot: number;
  attempts: number;
  facility: number | null;
  discrimination: number | null;
  standardDeviation: number | null;
  meanPoints: number | null;
  maxPoints: number;
}

export interface FrequencyRow {
  questionId: string;
  choice: string;
  isText: boolean;
  count: number;
}

export interface AnalysedQuestion {
  name: string;
  question: Question;
}

/** Correlations come back as doubles; a report shows three decimals and never NaN. */
const rounded = (value: number | null) =>
  value === null || !Number.isFinite(value) ? null : Math.round(value * 1000) / 1000;

/**
 * Puts the database's aggregates together with each question's own words: every option of a
 * choice question is listed (an option nobody chose is the interesting one), marked right or not.
 * Questions come in the quiz's order: the first slot each was seen in.
 */
export function itemAnalysis(
  activityId: string,
  summary: { attempts: number; meanScore: number | null },
  statistics: QuestionStatisticsRow[],
  frequencies: FrequencyRow[],
  questions: Map<string, AnalysedQuestion>,
): QuizAnalysis {
  const byQuestion = new Map<string, FrequencyRow[]>();
  for (const row of frequencies) {
    const list = byQuestion.get(row.questionId) ?? [];
    list.push(row);
    byQuestion.set(row.questionId, list);
  }
  const analysed = statistics
    .filter((row) => questions.has(row.questionId))
    .sort((a, b) => a.firstSlot - b.firstSlot)
    .map((row) => analyseQuestion(row, questions.get(row.questionId)!, byQuestion.get(row.questionId) ?? []));
  return {
    activityId,
    attempts: summary.attempts,
    meanScore: rounded(summary.meanScore),
    questions: analysed,
  };
}

function analyseQuestion(
  row: QuestionStatisticsRow,
  { name, question }: AnalysedQuestion,
  frequencies: FrequencyRow[],
): QuestionAnalysis {
  const counts = new Map(frequencies.filter((f) => !f.isText).map((f) => [f.choice, f.count]));
  const share = (count: number) => (row.attempts === 0 ? 0 : rounded(count / row.attempts)!);
  const choice = (id: string, label: string, correct: boolean): ChoiceFrequency => {
    const count = counts.get(id) ?? 0;
    return { id, label, correct, count, share: share(count) };
  };
  let choices: ChoiceFrequency[] = [];
  if (question.type === 'single-choice') {
    choices = question.options.map((o) => choice(o.id, plainText(o.text), o.id === question.correctOptionId));
  } else if (question.type === 'multiple-response') {
    choices = question.options.map((o) => choice(o.id, plainText(o.text), o.correct));
  } else if (question.type === 'true-false') {
    choices = [choice('true', 'true', question.answer), choice('false', 'false', !question.answer)];
  }
  return {
    questionId: row.questionId,
    name,
    type: question.type,
    attempts: row.attempts,
    facility: rounded(row.facility),
    // With no spread in either score the correlation is undefined, not 0.
    discrimination: row.attempts < 2 ? null : rounded(row.discrimination),
    meanPoints: rounded(row.meanPoints),
    maxPoints: row.maxPoints,
    choices,
    textAnswers: frequencies.filter((f) => f.isText).map((f) => ({ text: f.choice, count: f.count })),
  };
}
