import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { parseGift, writeGift, type GiftQuestion } from '../src/quizzes/gift/index.js';
import {
  cleanCategory,
  giftToQuestion,
  questionToGift,
  type BankQuestionDraft,
} from '../src/quizzes/bank/gift-mapping.js';
import type { Question, RichText } from '../src/quizzes/questions/index.js';

const doc = (text: string): RichText => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/** The drafts of a GIFT file's questions, which must all map. */
function drafts(source: string): BankQuestionDraft[] {
  const { questions, problems } = parseGift(source);
  expect(problems).toEqual([]);
  return questions.map((question) => {
    const mapped = giftToQuestion(question);
    if (!mapped.ok) throw new Error(mapped.message);
    return mapped.draft;
  });
}

const only = (source: string) => drafts(source)[0]!.question;

/** Export then import: what a trainer gets back from their own file. */
function roundTrip(draft: BankQuestionDraft): BankQuestionDraft {
  const gift = questionToGift(draft);
  expect(gift).not.toBeNull();
  return drafts(writeGift([gift as GiftQuestion]))[0]!;
}

describe('GIFT → questions', () => {
  it('maps one right answer to a single-choice question with stable option ids', () => {
    expect(only("::Tomb::Who's buried in Grant's tomb?{~Grant ~Jefferson =no one#Right}")).toEqual({
      type: 'single-choice',
      prompt: doc("Who's buried in Grant's tomb?"),
      generalFeedback: null,
      points: 1,
      options: [
        { id: 'o1', text: doc('Grant'), feedback: null },
        { id: 'o2', text: doc('Jefferson'), feedback: null },
        { id: 'o3', text: doc('no one'), feedback: doc('Right') },
      ],
      correctOptionId: 'o3',
    });
  });

  it('maps weights to a multiple-response question, subtracting when a weight is negative', () => {
    const question = only('Two? {~%50%A ~%50%B ~%-100%C}');
    expect(question).toMatchObject({
      type: 'multiple-response',
      scoring: 'right-minus-wrong',
      options: [{ correct: true }, { correct: true }, { correct: false }],
    });
    expect(only('Two? {~%50%A ~%50%B ~C}')).toMatchObject({ type: 'multiple-response', scoring: 'partial' });
  });

  it('maps true/false feedback to the answer the learner gives', () => {
    expect(only('The sun rises in the east.{T#Look again#Yes}')).toMatchObject({
      type: 'true-false',
      answer: true,
      feedbackTrue: doc('Yes'),
      feedbackFalse: doc('Look again'),
    });
    expect(only('The sun rises in the west.{F#Look again#Yes}')).toMatchObject({
      answer: false,
      feedbackTrue: doc('Look again'),
      feedbackFalse: doc('Yes'),
    });
  });

  it('maps short answers, numeric answers, matching pairs and essays', () => {
    expect(only('Capital of France? {=Paris =%50%paris city =Par*}')).toMatchObject({
      type: 'short-answer',
      caseSensitive: false,
      answers: [
        { text: 'Paris', fraction: 1 },
        { text: 'paris city', fraction: 0.5 },
        { text: 'Par*', fraction: 1, pattern: true },
      ],
    });
    expect(only('Pi? {#3.14:0.01}')).toMatchObject({
      type: 'numeric',
      units: [],
      answers: [{ value: 3.14, tolerance: 0.01, fraction: 1 }],
    });
    expect(only('Match {=France -> Paris =Spain -> Madrid = -> Rome}')).toMatchObject({
      type: 'matching',
      pairs: [
        { id: 'p1', prompt: doc('France'), answer: 'Paris' },
        { id: 'p2', prompt: doc('Spain'), answer: 'Madrid' },
      ],
      distractors: ['Rome'],
    });
    expect(only('Tell us why. {}')).toMatchObject({ type: 'essay', graded: true });
  });

  it('reads the text format: markdown keeps emphasis, HTML keeps its words', () => {
    expect(only('[markdown]Is **this** bold? {T}').prompt).toEqual({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Is ' },
            { type: 'text', text: 'this', marks: [{ type: 'bold' }] },
            { type: 'text', text: ' bold?' },
          ],
        },
      ],
    });
    expect(only('[html]<p>One &amp; <b>two</b></p><p>Three</p>{T}').prompt).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'One & two' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Three' }] },
      ],
    });
  });

  it("names a question by its title or its prompt's first words, and cleans Moodle categories", () => {
    const [titled, untitled] = drafts(
      '$CATEGORY: $course$/top/Digital government/Basics\n\n::Short::A question {T}\n\n' +
        'What does a digital identity let a citizen do when they use public services online? {T}',
    );
    expect(titled).toMatchObject({ name: 'Short', category: 'Digital government/Basics' });
    expect(untitled!.name).toBe('What does a digital identity let a citizen do when they use…');
    expect(cleanCategory('$course$/top')).toBeNull();
  });

  it('skips descriptions with a problem', () => {
    const [description] = parseGift('::Intro::Read this first.\n\n::Q::Ready? {T}').questions;
    expect(giftToQuestion(description!)).toEqual({
      ok: false,
      message: 'descriptions are not questions, so this one was not imported',
    });
  });
});

describe('questions → GIFT → questions', () => {
  const base = { prompt: doc('Prompt'), generalFeedback: doc('General'), points: 1 };
  const QUESTIONS: Question[] = [
    {
      ...base,
      type: 'single-choice',
      options: [
        { id: 'o1', text: doc('A = B'), feedback: doc('No {really}') },
        { id: 'o2', text: doc('B # C'), feedback: null },
      ],
      correctOptionId: 'o2',
    },
    {
      ...base,
      type: 'multiple-response',
      options: [
        { id: 'o1', text: doc('A'), feedback: null, correct: true },
        { id: 'o2', text: doc('B'), feedback: null, correct: true },
        { id: 'o3', text: doc('C'), feedback: null, correct: false },
      ],
      scoring: 'right-minus-wrong',
    },
    { ...base, type: 'true-false', answer: false, feedbackTrue: doc('Wrong'), feedbackFalse: doc('Right') },
    {
      ...base,
      type: 'short-answer',
      answers: [
        { text: 'Paris', fraction: 1, feedback: doc('Yes') },
        { text: 'Lutetia', fraction: 0.5, feedback: null },
      ],
      caseSensitive: false,
    },
    {
      ...base,
      type: 'numeric',
      answers: [
        { value: 42, tolerance: 0, fraction: 1, feedback: null },
        { value: 40, tolerance: 5, fraction: 0.25, feedback: doc('Close') },
      ],
      units: [],
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
    { ...base, type: 'essay', graded: true },
    {
      ...base,
      type: 'single-choice',
      prompt: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'Read ' },
              { type: 'text', text: 'the *law*', marks: [{ type: 'bold' }] },
              { type: 'hardBreak' },
              { type: 'text', text: 'then ' },
              {
                type: 'text',
                text: 'this',
                marks: [{ type: 'link', attrs: { href: 'https://example.org/a_b' } }],
              },
            ],
          },
          {
            type: 'bulletList',
            content: [{ type: 'listItem', content: doc('# not a heading').content }],
          },
          { type: 'paragraph', content: [{ type: 'text', text: '1. not a list <b>' }] },
        ],
      } as RichText,
      options: [
        { id: 'o1', text: doc('x'), feedback: null },
        { id: 'o2', text: doc('y'), feedback: null },
      ],
      correctOptionId: 'o1',
    },
  ];

  it.each(QUESTIONS.map((question, index) => [`${index + 1} (${question.type})`, question] as const))(
    'gives back question %s',
    (_label, question) => {
      const draft = { name: 'Name: with {marks}', category: 'Digital government/Basics', question };
      expect(roundTrip(draft)).toEqual(draft);
    },
  );

  it('keeps plain text with line breaks and paragraphs as plain GIFT text', () => {
    const question: Question = {
      ...base,
      generalFeedback: null,
      type: 'essay',
      graded: true,
      prompt: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [{ type: 'text', text: 'One' }, { type: 'hardBreak' }, { type: 'text', text: 'Two' }],
          },
          { type: 'paragraph', content: [{ type: 'text', text: 'Three <i>' }] },
        ],
      } as RichText,
    };
    const gift = questionToGift({ name: 'Plain', category: 'C', question })!;
    expect(gift.format).toBe('plain');
    expect(writeGift([gift])).toBe('$CATEGORY: C\n\n::Plain::[plain]One\\nTwo\\n\\nThree <i> {}\n');
    expect(roundTrip({ name: 'Plain', category: 'C', question }).question).toEqual(question);
  });

  it('leaves out ordering questions, which GIFT cannot hold', () => {
    const question: Question = {
      ...base,
      type: 'ordering',
      items: [
        { id: 'i1', text: doc('A') },
        { id: 'i2', text: doc('B') },
      ],
    };
    expect(questionToGift({ name: 'Order', category: 'C', question })).toBeNull();
  });
});

describe('the demo question bank of packages/content', () => {
  const file = resolve(
    fileURLToPath(import.meta.url),
    '../../../../packages/content/question-banks/digital-government.gift',
  );

  it('imports without a problem, with enough basics for a random draw of three', () => {
    const read = drafts(readFileSync(file, 'utf8'));
    expect(read.length).toBeGreaterThanOrEqual(12);
    const basics = read.filter((draft) => draft.category === 'Digital government/Basics');
    expect(basics.length).toBeGreaterThanOrEqual(6);
    expect(new Set(read.map((draft) => draft.question.type)).size).toBeGreaterThanOrEqual(6);
  });
});
