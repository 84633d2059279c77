import { describe, expect, it } from '@jest/globals';
import { ProblemException } from '../src/common/problem/problem.exception.js';
import {
  checkQuestion,
  validateQuestion,
  type Question,
  type RichText,
} from '../src/quizzes/questions/index.js';

const doc = (text: string): RichText => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});
const base = { prompt: doc('Prompt'), generalFeedback: null, points: 1 };

/** One valid question of every type. */
const VALID: Question[] = [
  {
    ...base,
    type: 'single-choice',
    options: [
      { id: 'a', text: doc('A'), feedback: null },
      { id: 'b', text: doc('B'), feedback: doc('No') },
    ],
    correctOptionId: 'a',
  },
  {
    ...base,
    type: 'multiple-response',
    options: [
      { id: 'a', text: doc('A'), feedback: null, correct: true },
      { id: 'b', text: doc('B'), feedback: null, correct: false },
    ],
    scoring: 'partial',
  },
  { ...base, type: 'true-false', answer: true, feedbackTrue: null, feedbackFalse: doc('Think again') },
  {
    ...base,
    type: 'short-answer',
    answers: [{ text: 'Paris', fraction: 1, feedback: null }],
    caseSensitive: false,
  },
  {
    ...base,
    type: 'numeric',
    answers: [{ value: 3.14, tolerance: 0.01, fraction: 1, feedback: null }],
    units: [{ unit: 'm', multiplier: 1 }],
  },
  {
    ...base,
    type: 'matching',
    pairs: [
      { id: 'p1', prompt: doc('France'), answer: 'Paris' },
      { id: 'p2', prompt: doc('Spain'), answer: 'Madrid' },
    ],
    distractors: ['Rome'],
  },
  {
    ...base,
    type: 'ordering',
    items: [
      { id: 'i1', text: doc('First') },
      { id: 'i2', text: doc('Second') },
    ],
  },
  { ...base, type: 'essay', graded: true, minWords: 50 },
];

const fields = (input: unknown) => {
  const result = checkQuestion(input);
  return result.ok ? [] : result.errors.map((error) => error.field);
};

describe('validateQuestion', () => {
  it.each(VALID.map((question) => [question.type, question] as const))(
    'accepts a valid %s question',
    (_type, question) => {
      expect(checkQuestion(question)).toEqual({ ok: true, question });
    },
  );

  it('refuses what is not a question, or an unknown type', () => {
    expect(fields(null)).toEqual(['question']);
    expect(fields({ ...base, type: 'drag-and-drop' })).toEqual(['question.type']);
  });

  it('names each broken path of a single-choice question', () => {
    const result = fields({
      ...base,
      points: 0,
      type: 'single-choice',
      options: [
        { id: 'a', text: doc('A'), feedback: null },
        { id: 'a', text: { type: 'doc', content: [{ type: 'script' }] }, feedback: null },
      ],
      correctOptionId: 'z',
    });
    expect(result).toEqual(
      expect.arrayContaining([
        'question.points',
        'question.options[1].id',
        'question.options[1].text.content[0].type',
        'question.correctOptionId',
      ]),
    );
  });

  it('needs two options, an empty-free prompt and at most 1000 points', () => {
    expect(
      fields({
        ...base,
        prompt: { type: 'doc', content: [] },
        points: 1001,
        type: 'single-choice',
        options: [{ id: 'a', text: doc('A'), feedback: null }],
        correctOptionId: 'a',
      }),
    ).toEqual(['question.prompt', 'question.points', 'question.options']);
  });

  it('needs a correct option and a known scoring in a multiple-response question', () => {
    expect(
      fields({
        ...base,
        type: 'multiple-response',
        options: [
          { id: 'a', text: doc('A'), feedback: null, correct: false },
          { id: 'b', text: doc('B'), feedback: null, correct: 'yes' },
        ],
        scoring: 'generous',
      }),
    ).toEqual(['question.options[1].correct', 'question.options', 'question.scoring']);
  });

  it('checks fractions, tolerances, units and the full mark', () => {
    expect(
      fields({
        ...base,
        type: 'numeric',
        answers: [{ value: 1, tolerance: -1, fraction: 1.5, feedback: null }],
        units: [
          { unit: 'm', multiplier: 0 },
          { unit: 'm', multiplier: 1 },
        ],
      }),
    ).toEqual([
      'question.answers[0].tolerance',
      'question.answers[0].fraction',
      'question.answers',
      'question.units[0].multiplier',
      'question.units[1].unit',
    ]);
    expect(
      fields({
        ...base,
        type: 'short-answer',
        answers: [{ text: ' ', fraction: 0.5, feedback: null }],
        caseSensitive: false,
      }),
    ).toEqual(['question.answers[0].text', 'question.answers']);
  });

  it('needs two matching pairs, distinct distractors and two ordering items', () => {
    expect(
      fields({
        ...base,
        type: 'matching',
        pairs: [{ id: 'p1', prompt: doc('France'), answer: 'Paris' }],
        distractors: ['Paris'],
      }),
    ).toEqual(['question.pairs', 'question.distractors[0]']);
    expect(fields({ ...base, type: 'ordering', items: [{ id: 'i1', text: doc('Only') }] })).toEqual([
      'question.items',
    ]);
  });

  it('refuses unknown fields, and reflections inside a question', () => {
    expect(
      fields({
        ...base,
        type: 'essay',
        graded: true,
        rubric: 'x',
        prompt: {
          type: 'doc',
          content: [
            { type: 'reflection', attrs: { id: '3f0e4b8c-1d2a-4e5f-9a6b-7c8d9e0f1a2b', prompt: 'Why?' } },
          ],
        },
      }),
    ).toEqual(['question.rubric', 'question.prompt.content[0].type']);
  });

  it('sanitizes rich text, keeps null feedback and stores an empty optional document as null', () => {
    const result = checkQuestion({
      ...base,
      type: 'true-false',
      answer: false,
      generalFeedback: { type: 'doc', content: [] },
      feedbackTrue: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              {
                type: 'text',
                text: 'See',
                marks: [{ type: 'link', attrs: { href: 'https://example.org', target: '_blank' } }],
              },
            ],
          },
        ],
      },
    });
    expect(result.ok && result.question).toMatchObject({
      generalFeedback: null,
      feedbackFalse: null,
      feedbackTrue: {
        content: [{ content: [{ marks: [{ type: 'link', attrs: { href: 'https://example.org' } }] }] }],
      },
    });
  });

  it('throws a 422 problem naming the paths', () => {
    expect.assertions(3);
    try {
      validateQuestion({ ...base, type: 'essay' }, 'body');
    } catch (error) {
      expect(error).toBeInstanceOf(ProblemException);
      const problem = (error as ProblemException).problem;
      expect(problem.status).toBe(422);
      expect(problem.errors).toEqual([
        { field: 'body.graded', message: 'must be true or false', in: 'body' },
      ]);
    }
  });
});
