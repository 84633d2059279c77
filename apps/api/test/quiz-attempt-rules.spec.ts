import { describe, expect, it } from '@jest/globals';
import { optionOrderFor, pickQuestions } from '../src/quizzes/attempts/attempt-draw.js';
import { attemptTotals } from '../src/quizzes/attempts/attempt-grading.service.js';
import type { FrozenQuiz } from '../src/quizzes/attempts/frozen-quiz.js';
import { checkSettings, checkSlots, DEFAULT_SETTINGS } from '../src/quizzes/attempts/quiz-settings.js';
import type { Question } from '../src/quizzes/questions/index.js';

const doc = { type: 'doc' as const, content: [] };
const ref = (id: string) => ({ questionId: id, version: 1 });

describe('quiz attempt rules (pure)', () => {
  it('draws distinct questions, never one fixed elsewhere in the quiz, and keeps fixed slots in order', () => {
    const quiz: FrozenQuiz = {
      settings: DEFAULT_SETTINGS,
      slots: [
        { kind: 'question', questionId: 'f', version: 2, points: 3 },
        {
          kind: 'random',
          category: 'c',
          count: 2,
          points: null,
          pool: [ref('f'), ref('a'), ref('b'), ref('x')],
        },
        { kind: 'random', category: 'c', count: 1, points: 5, pool: [ref('a'), ref('b'), ref('x')] },
      ],
      questionCount: 4,
      maxPoints: null,
    };
    for (let run = 0; run < 50; run++) {
      const picked = pickQuestions(quiz);
      expect(picked[0]).toEqual({ questionId: 'f', version: 2, points: 3 });
      expect(new Set(picked.map((p) => p.questionId)).size).toBe(4);
      expect(picked[3]!.points).toBe(5);
    }
  });

  it('never shows ordering items in their correct order', () => {
    const ordering: Question = {
      type: 'ordering',
      prompt: doc,
      generalFeedback: null,
      points: 1,
      items: ['1', '2'].map((id) => ({ id, text: doc })),
    };
    for (let run = 0; run < 30; run++) expect(optionOrderFor(ordering, false)).toEqual(['2', '1']);
  });

  it('counts essays awaiting a trainer as pending, ungraded ones toward nothing, and passes at the mark', () => {
    const graded = (points: number, maxPoints = 1) => ({
      slot: 1,
      grading: 'graded' as const,
      fraction: null,
      points,
      maxPoints,
    });
    expect(
      attemptTotals(
        [graded(1), graded(1), graded(0.5), graded(0, 1), { ...graded(0), grading: 'ungraded' }],
        62.5,
      ),
    ).toEqual({
      points: 2.5,
      maxPoints: 4,
      pendingGrading: 0,
      score: 0.625,
      passed: true,
    });
    expect(attemptTotals([graded(7, 10)], 70).passed).toBe(true);
    expect(
      attemptTotals([graded(1), { ...graded(0), grading: 'needs-grading', points: null }], 50),
    ).toMatchObject({
      pendingGrading: 1,
      score: null,
      passed: null,
    });
  });

  it('names each bad setting and slot by its path', () => {
    expect(checkSettings(DEFAULT_SETTINGS).errors).toEqual([]);
    const bad = checkSettings({
      ...DEFAULT_SETTINGS,
      availableFrom: '2030-01-02T00:00:00Z',
      availableUntil: '2030-01-01T00:00:00Z',
      attemptsAllowed: 0,
    });
    expect(bad.errors.map((e) => e.field)).toEqual(['settings.attemptsAllowed', 'settings.availableUntil']);
    const id = '00000000-0000-4000-8000-000000000001';
    const slots = checkSlots([
      { kind: 'question', questionId: id },
      { kind: 'question', questionId: id.toUpperCase() },
      { kind: 'random', category: '', count: 1, points: -1 },
    ]);
    expect(slots.errors.map((e) => e.field)).toEqual([
      'slots[1].questionId',
      'slots[2].points',
      'slots[2].category',
    ]);
  });
});
