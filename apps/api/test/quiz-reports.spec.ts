import { describe, expect, it } from '@jest/globals';
import { plainText } from '../src/quizzes/questions/plain-text.js';
import type { RichText, SingleChoiceQuestion, TrueFalseQuestion } from '../src/quizzes/questions/index.js';
import { itemAnalysis, type QuestionStatisticsRow } from '../src/quizzes/results/item-analysis.js';
import { resultsCsv, type CsvAttempt } from '../src/quizzes/results/results-csv.js';

const doc = (...paragraphs: string[]): RichText => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

const choice: SingleChoiceQuestion = {
  type: 'single-choice',
  prompt: doc('Which law?'),
  generalFeedback: null,
  points: 1,
  options: [
    { id: 'a', text: doc('Data protection'), feedback: null },
    { id: 'b', text: doc('Freedom of information'), feedback: null },
    { id: 'c', text: doc('Nobody picks me'), feedback: null },
  ],
  correctOptionId: 'a',
};
const trueFalse: TrueFalseQuestion = {
  type: 'true-false',
  prompt: doc('Open data is free to reuse.'),
  generalFeedback: null,
  points: 1,
  answer: true,
  feedbackTrue: null,
  feedbackFalse: null,
};

const stats = (questionId: string, firstSlot: number, extra: Partial<QuestionStatisticsRow> = {}) => ({
  questionId,
  latestVersion: 1,
  firstSlot,
  attempts: 4,
  facility: 0.5,
  discrimination: 0.81234,
  standardDeviation: 0.5,
  meanPoints: 0.5,
  maxPoints: 1,
  ...extra,
});

describe('item analysis report', () => {
  it('lists every option, chosen or not, with its share and whether it is right, in the quiz order', () => {
    const report = itemAnalysis(
      'quiz',
      { attempts: 4, meanScore: 0.6251 },
      [stats('tf', 2), stats('mc', 1)],
      [
        { questionId: 'mc', choice: 'a', isText: false, count: 3 },
        { questionId: 'mc', choice: 'b', isText: false, count: 1 },
        { questionId: 'tf', choice: 'true', isText: false, count: 2 },
      ],
      new Map([
        ['mc', { name: 'Laws', question: choice }],
        ['tf', { name: 'Open data', question: trueFalse }],
      ]),
    );
    expect(report.meanScore).toBe(0.625);
    expect(report.questions.map((q) => q.questionId)).toEqual(['mc', 'tf']);
    const [mc, tf] = report.questions;
    expect(mc!.discrimination).toBe(0.812);
    expect(mc!.choices).toEqual([
      { id: 'a', label: 'Data protection', correct: true, count: 3, share: 0.75 },
      { id: 'b', label: 'Freedom of information', correct: false, count: 1, share: 0.25 },
      { id: 'c', label: 'Nobody picks me', correct: false, count: 0, share: 0 },
    ]);
    expect(tf!.choices.map((c) => [c.id, c.correct, c.count])).toEqual([
      ['true', true, 2],
      ['false', false, 0],
    ]);
  });

  it('has no discrimination index for a single attempt, and never reports NaN', () => {
    const report = itemAnalysis(
      'quiz',
      { attempts: 1, meanScore: 1 },
      [stats('mc', 1, { attempts: 1, discrimination: 0.5 }), stats('tf', 2, { discrimination: NaN })],
      [],
      new Map([
        ['mc', { name: 'Laws', question: choice }],
        ['tf', { name: 'Open data', question: trueFalse }],
      ]),
    );
    expect(report.questions[0]!.discrimination).toBeNull();
    expect(report.questions[1]!.discrimination).toBeNull();
  });

  it('keeps the commonest text answers of free-text questions', () => {
    const report = itemAnalysis(
      'quiz',
      { attempts: 2, meanScore: 0.5 },
      [stats('sa', 1)],
      [
        { questionId: 'sa', choice: 'caricad', isText: true, count: 2 },
        { questionId: 'sa', choice: 'eclac', isText: true, count: 1 },
      ],
      new Map([
        [
          'sa',
          {
            name: 'Agency',
            question: {
              type: 'short-answer',
              prompt: doc('Which agency?'),
              generalFeedback: null,
              points: 1,
              answers: [{ text: 'CARICAD', fraction: 1, feedback: null }],
              caseSensitive: false,
            },
          },
        ],
      ]),
    );
    expect(report.questions[0]!.choices).toEqual([]);
    expect(report.questions[0]!.textAnswers).toEqual([
      { text: 'caricad', count: 2 },
      { text: 'eclac', count: 1 },
    ]);
  });
});

describe('results CSV', () => {
  const attempt = (overrides: Partial<CsvAttempt>): CsvAttempt => ({
    displayName: 'Ada Lovelace',
    email: 'ada@example.org',
    number: 1,
    status: 'submitted',
    startedAt: new Date('2026-11-30T10:00:00Z'),
    submittedAt: new Date('2026-11-30T10:20:00Z'),
    autoSubmitted: false,
    points: 7.5,
    maxPoints: 10,
    score: 0.75,
    passed: true,
    pendingGrading: 0,
    slotPoints: { '1': 1, '2': 0.5 },
    ...overrides,
  });

  it('has one row per attempt under headings in the trainer language, with a byte order mark', () => {
    const csv = resultsCsv(
      [
        attempt({}),
        attempt({
          number: 2,
          status: 'open',
          submittedAt: null,
          passed: null,
          score: null,
          points: null,
          slotPoints: {},
        }),
      ],
      2,
      'es',
    );
    const lines = csv.replace('\uFEFF', '').trimEnd().split('\r\n');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe(
      'Participante,Correo electrónico,Intento,Estado,Inicio,Envío,Enviado al vencer el plazo,Puntos,Puntos máximos,Calificación (%),Aprobado,Respuestas por calificar,P1 puntos,P2 puntos',
    );
    expect(lines[1]).toBe(
      'Ada Lovelace,ada@example.org,1,enviado,2026-11-30T10:00:00.000Z,2026-11-30T10:20:00.000Z,no,7.5,10,75,sí,0,1,0.5',
    );
    expect(lines[2]).toBe('Ada Lovelace,ada@example.org,2,en curso,2026-11-30T10:00:00.000Z,,,,10,,,0,,');
  });

  it('defuses cells a spreadsheet would run as formulas, and quotes commas', () => {
    const csv = resultsCsv(
      [attempt({ displayName: '=HYPERLINK("http://evil")', email: 'a,b@example.org' })],
      0,
      'en',
    );
    const row = csv.trimEnd().split('\r\n')[1]!;
    expect(row.startsWith(`"'=HYPERLINK(""http://evil"")","a,b@example.org"`)).toBe(true);
  });
});

describe('plain text of a document', () => {
  it('joins blocks with a space and keeps the words of nested nodes', () => {
    expect(plainText(doc('One', 'Two  words'))).toBe('One Two words');
    expect(
      plainText({
        type: 'doc',
        content: [
          {
            type: 'bulletList',
            content: [
              {
                type: 'listItem',
                content: [{ type: 'paragraph', content: [{ type: 'text', text: 'item' }] }],
              },
            ],
          },
          {
            type: 'paragraph',
            content: [{ type: 'text', text: 'a' }, { type: 'hardBreak' }, { type: 'text', text: 'b' }],
          },
        ],
      }),
    ).toBe('item a b');
    expect(plainText(null)).toBe('');
  });
});
