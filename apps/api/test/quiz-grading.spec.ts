import { describe, expect, it } from '@jest/globals';
import {
  grade,
  learnerView,
  longestCorrectSubsequenceFraction,
  parseNumericResponse,
  shuffledIds,
  validateResponse,
  type EssayQuestion,
  type MatchingQuestion,
  type MultipleResponseQuestion,
  type MultipleResponseScoring,
  type NumericQuestion,
  type OrderingQuestion,
  type Question,
  type Response,
  type RichText,
  type ShortAnswerQuestion,
  type SingleChoiceQuestion,
  type TrueFalseQuestion,
} from '../src/quizzes/questions/index.js';

const doc = (words: string): RichText => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: words }] }],
});
const base = { prompt: doc('Prompt'), generalFeedback: doc('General'), points: 3 };

const singleChoice: SingleChoiceQuestion = {
  ...base,
  type: 'single-choice',
  options: [
    { id: 'opt-grant', text: doc('Grant'), feedback: doc('FEEDBACK-GRANT') },
    { id: 'opt-noone', text: doc('No one'), feedback: doc('FEEDBACK-NOONE') },
    { id: 'opt-jeff', text: doc('Jefferson'), feedback: null },
  ],
  correctOptionId: 'opt-noone',
};

const multiple = (scoring: MultipleResponseScoring): MultipleResponseQuestion => ({
  ...base,
  type: 'multiple-response',
  scoring,
  options: [
    { id: 'a', text: doc('Paris'), feedback: doc('FEEDBACK-A'), correct: true },
    { id: 'b', text: doc('Lyon'), feedback: doc('FEEDBACK-B'), correct: true },
    { id: 'c', text: doc('Berlin'), feedback: doc('FEEDBACK-C'), correct: false },
    { id: 'd', text: doc('Nice'), feedback: null, correct: true },
  ],
});

const trueFalse: TrueFalseQuestion = {
  ...base,
  type: 'true-false',
  answer: false,
  feedbackTrue: doc('FEEDBACK-TRUE'),
  feedbackFalse: doc('FEEDBACK-FALSE'),
};

const shortAnswer: ShortAnswerQuestion = {
  ...base,
  type: 'short-answer',
  caseSensitive: false,
  answers: [
    { text: 'Charles  Darwin', fraction: 1, feedback: doc('FEEDBACK-DARWIN') },
    { text: 'Darwin', fraction: 0.5, feedback: doc('FEEDBACK-SURNAME') },
    { text: 'C* Darwin', fraction: 0.8, feedback: doc('FEEDBACK-PATTERN'), pattern: true },
    { text: 'Wallace', fraction: 0, feedback: doc('FEEDBACK-WALLACE') },
  ],
};

const numeric: NumericQuestion = {
  ...base,
  type: 'numeric',
  answers: [
    { value: 3.14, tolerance: 0.01, fraction: 1, feedback: doc('FEEDBACK-PI') },
    { value: 3, tolerance: 0.25, fraction: 0.5, feedback: doc('FEEDBACK-ROUGH') },
  ],
  units: [],
};

const distance: NumericQuestion = {
  ...base,
  type: 'numeric',
  answers: [{ value: 2000, tolerance: 0, fraction: 1, feedback: null }],
  units: [
    { unit: 'm', multiplier: 1 },
    { unit: 'km', multiplier: 0.001 },
  ],
};

const negative: NumericQuestion = {
  ...base,
  type: 'numeric',
  answers: [{ value: -40, tolerance: 0.5, fraction: 1, feedback: null }],
  units: [],
};

const matching: MatchingQuestion = {
  ...base,
  type: 'matching',
  pairs: [
    { id: 'p-cat', prompt: doc('Cat'), answer: 'Meow' },
    { id: 'p-dog', prompt: doc('Dog'), answer: 'Woof' },
    { id: 'p-cow', prompt: doc('Cow'), answer: 'Moo' },
    { id: 'p-duck', prompt: doc('Duck'), answer: 'Quack' },
  ],
  distractors: ['Baa'],
};

const ordering: OrderingQuestion = {
  ...base,
  type: 'ordering',
  items: [
    { id: 'i-1', text: doc('First') },
    { id: 'i-2', text: doc('Second') },
    { id: 'i-3', text: doc('Third') },
    { id: 'i-4', text: doc('Fourth') },
  ],
};

const essay = (graded: boolean): EssayQuestion => ({ ...base, type: 'essay', graded, minWords: 50 });

describe('grading: single choice', () => {
  it('gives full points and the chosen option feedback for the right option', () => {
    expect(grade(singleChoice, { optionId: 'opt-noone' })).toEqual({
      status: 'graded',
      fraction: 1,
      points: 3,
      feedback: [doc('FEEDBACK-NOONE')],
    });
  });

  it('gives nothing for a wrong option, and no feedback when the option has none', () => {
    expect(grade(singleChoice, { optionId: 'opt-grant' })).toEqual({
      status: 'graded',
      fraction: 0,
      points: 0,
      feedback: [doc('FEEDBACK-GRANT')],
    });
    expect(grade(singleChoice, { optionId: 'opt-jeff' })).toEqual({
      status: 'graded',
      fraction: 0,
      points: 0,
      feedback: [],
    });
  });

  it('scores an unanswered question 0', () => {
    expect(grade(singleChoice, null)).toEqual({ status: 'graded', fraction: 0, points: 0, feedback: [] });
  });
});

describe('grading: multiple response', () => {
  it('all-or-nothing gives everything only for exactly the correct set', () => {
    expect(grade(multiple('all-or-nothing'), { optionIds: ['d', 'b', 'a'] })).toEqual({
      status: 'graded',
      fraction: 1,
      points: 3,
      feedback: [doc('FEEDBACK-A'), doc('FEEDBACK-B')],
    });
    expect(grade(multiple('all-or-nothing'), { optionIds: ['a', 'b'] })).toMatchObject({
      fraction: 0,
      points: 0,
    });
    expect(grade(multiple('all-or-nothing'), { optionIds: ['a', 'b', 'c', 'd'] })).toMatchObject({
      fraction: 0,
    });
  });

  it('partial gives the share of correct options, and 0 once a wrong one is chosen', () => {
    expect(grade(multiple('partial'), { optionIds: ['a', 'b'] })).toEqual({
      status: 'graded',
      fraction: 0.6666667,
      points: 2,
      feedback: [doc('FEEDBACK-A'), doc('FEEDBACK-B')],
    });
    expect(grade(multiple('partial'), { optionIds: ['a'] })).toMatchObject({
      fraction: 0.3333333,
      points: 1,
    });
    expect(grade(multiple('partial'), { optionIds: ['a', 'b', 'd', 'c'] })).toMatchObject({
      fraction: 0,
      points: 0,
      feedback: [doc('FEEDBACK-A'), doc('FEEDBACK-B'), doc('FEEDBACK-C')],
    });
  });

  it('right-minus-wrong subtracts wrong choices and never goes below 0', () => {
    expect(grade(multiple('right-minus-wrong'), { optionIds: ['a', 'b', 'c'] })).toMatchObject({
      fraction: 0.3333333,
      points: 1,
    });
    expect(grade(multiple('right-minus-wrong'), { optionIds: ['a', 'b', 'd', 'c'] })).toMatchObject({
      fraction: 0.6666667,
      points: 2,
    });
    expect(grade(multiple('right-minus-wrong'), { optionIds: ['c'] })).toMatchObject({
      fraction: 0,
      points: 0,
    });
    expect(grade(multiple('right-minus-wrong'), { optionIds: ['a', 'b', 'd'] })).toMatchObject({
      fraction: 1,
    });
  });

  it('scores choosing nothing and not answering 0', () => {
    expect(grade(multiple('partial'), { optionIds: [] })).toEqual({
      status: 'graded',
      fraction: 0,
      points: 0,
      feedback: [],
    });
    expect(grade(multiple('right-minus-wrong'), null)).toMatchObject({ status: 'graded', fraction: 0 });
  });

  it('treats a question with no correct option as right only when nothing is chosen', () => {
    const none: MultipleResponseQuestion = {
      ...multiple('partial'),
      options: multiple('partial').options.map((option) => ({ ...option, correct: false })),
    };
    expect(grade(none, { optionIds: [] })).toMatchObject({ fraction: 1, points: 3 });
    expect(grade(none, { optionIds: ['a'] })).toMatchObject({ fraction: 0, points: 0 });
  });
});

describe('grading: true/false', () => {
  it('marks the right answer with the feedback for what was answered', () => {
    expect(grade(trueFalse, { answer: false })).toEqual({
      status: 'graded',
      fraction: 1,
      points: 3,
      feedback: [doc('FEEDBACK-FALSE')],
    });
    expect(grade(trueFalse, { answer: true })).toEqual({
      status: 'graded',
      fraction: 0,
      points: 0,
      feedback: [doc('FEEDBACK-TRUE')],
    });
    expect(grade(trueFalse, null)).toEqual({ status: 'graded', fraction: 0, points: 0, feedback: [] });
  });
});

describe('grading: short answer', () => {
  it('ignores case, surrounding and repeated whitespace', () => {
    expect(grade(shortAnswer, { text: '  charles\t\n DARWIN ' })).toEqual({
      status: 'graded',
      fraction: 1,
      points: 3,
      feedback: [doc('FEEDBACK-DARWIN')],
    });
  });

  it('normalises Unicode compatibility forms', () => {
    // Full-width letters and a no-break space are NFKC-equal to plain ones.
    expect(grade(shortAnswer, { text: 'Ｃｈａｒｌｅｓ\u00a0Ｄａｒｗｉｎ' })).toMatchObject({ fraction: 1 });
  });

  it('lets the best matching answer win over an earlier, weaker one', () => {
    expect(grade(shortAnswer, { text: 'Darwin' })).toEqual({
      status: 'graded',
      fraction: 0.5,
      points: 1.5,
      feedback: [doc('FEEDBACK-SURNAME')],
    });
    expect(grade(shortAnswer, { text: 'C. Darwin' })).toEqual({
      status: 'graded',
      fraction: 0.8,
      points: 2.4,
      feedback: [doc('FEEDBACK-PATTERN')],
    });
  });

  it('treats * as any run of characters and nothing else as special', () => {
    const q: ShortAnswerQuestion = {
      ...shortAnswer,
      answers: [{ text: 'a.b*(c)', fraction: 1, feedback: null, pattern: true }],
    };
    expect(grade(q, { text: 'a.b(c)' })).toMatchObject({ fraction: 1 });
    expect(grade(q, { text: 'A.B anything (C)' })).toMatchObject({ fraction: 1 });
    expect(grade(q, { text: 'axb(c)' })).toMatchObject({ fraction: 0 });
    expect(grade(q, { text: 'a.b(c) and more' })).toMatchObject({ fraction: 0 });
    // Without `pattern`, a star is just a star.
    const literal: ShortAnswerQuestion = { ...q, answers: [{ text: 'a*', fraction: 1, feedback: null }] };
    expect(grade(literal, { text: 'a*' })).toMatchObject({ fraction: 1 });
    expect(grade(literal, { text: 'abc' })).toMatchObject({ fraction: 0 });
  });

  it('respects case when the question is case-sensitive', () => {
    const q: ShortAnswerQuestion = { ...shortAnswer, caseSensitive: true };
    expect(grade(q, { text: 'charles darwin' })).toMatchObject({ fraction: 0, feedback: [] });
    expect(grade(q, { text: 'Charles Darwin' })).toMatchObject({ fraction: 1 });
  });

  it('folds ß to ss when case is ignored', () => {
    const q: ShortAnswerQuestion = {
      ...shortAnswer,
      answers: [{ text: 'Straße', fraction: 1, feedback: null }],
    };
    expect(grade(q, { text: 'STRASSE' })).toMatchObject({ fraction: 1 });
  });

  it('gives a 0-fraction answer its feedback, and nothing for no match or no answer', () => {
    expect(grade(shortAnswer, { text: 'wallace' })).toEqual({
      status: 'graded',
      fraction: 0,
      points: 0,
      feedback: [doc('FEEDBACK-WALLACE')],
    });
    expect(grade(shortAnswer, { text: 'Lamarck' })).toEqual({
      status: 'graded',
      fraction: 0,
      points: 0,
      feedback: [],
    });
    expect(grade(shortAnswer, { text: '' })).toMatchObject({ fraction: 0 });
    expect(grade(shortAnswer, null)).toMatchObject({ status: 'graded', fraction: 0 });
  });
});

describe('grading: numeric', () => {
  it('accepts the value and both tolerance bounds, inclusive', () => {
    for (const text of ['3.14', '3.13', '3.15']) {
      expect(grade(numeric, { text })).toEqual({
        status: 'graded',
        fraction: 1,
        points: 3,
        feedback: [doc('FEEDBACK-PI')],
      });
    }
  });

  it('falls back to a looser answer just outside the tight tolerance', () => {
    expect(grade(numeric, { text: '3.16' })).toEqual({
      status: 'graded',
      fraction: 0.5,
      points: 1.5,
      feedback: [doc('FEEDBACK-ROUGH')],
    });
    expect(grade(numeric, { text: '2.75' })).toMatchObject({ fraction: 0.5 });
    expect(grade(numeric, { text: '2.74' })).toMatchObject({ fraction: 0, feedback: [] });
  });

  it('accepts a decimal comma only when there is no dot', () => {
    expect(grade(numeric, { text: '3,14' })).toMatchObject({ fraction: 1 });
    expect(parseNumericResponse('3,14', [])).toBe(3.14);
    expect(parseNumericResponse('1,000.5', [])).toBeNull();
  });

  it('reads negative numbers, including the Unicode minus sign', () => {
    expect(grade(negative, { text: '-40' })).toMatchObject({ fraction: 1 });
    expect(grade(negative, { text: '−40.5' })).toMatchObject({ fraction: 1 });
    expect(grade(negative, { text: '40' })).toMatchObject({ fraction: 0 });
    expect(grade(negative, { text: '-39.4' })).toMatchObject({ fraction: 0 });
  });

  it('converts units with and without a space, and refuses unknown ones', () => {
    expect(grade(distance, { text: '2 km' })).toMatchObject({ fraction: 1, points: 3 });
    expect(grade(distance, { text: '2000m' })).toMatchObject({ fraction: 1 });
    expect(grade(distance, { text: '2000' })).toMatchObject({ fraction: 1 });
    expect(grade(distance, { text: '2 mi' })).toMatchObject({ fraction: 0 });
    expect(grade(distance, { text: '2000 M' })).toMatchObject({ fraction: 0 });
    expect(parseNumericResponse('2 km', distance.units)).toBe(2000);
    expect(parseNumericResponse('1.5e3 m', distance.units)).toBe(1500);
  });

  it('scores text without a number, and no answer, 0', () => {
    expect(grade(numeric, { text: 'pi' })).toEqual({
      status: 'graded',
      fraction: 0,
      points: 0,
      feedback: [],
    });
    expect(grade(numeric, { text: '' })).toMatchObject({ fraction: 0 });
    expect(grade(numeric, { text: '3.14 m' })).toMatchObject({ fraction: 0 });
    expect(grade(numeric, null)).toMatchObject({ status: 'graded', fraction: 0 });
  });
});

describe('grading: matching', () => {
  it('gives the share of pairs matched right', () => {
    const all = { 'p-cat': 'Meow', 'p-dog': 'Woof', 'p-cow': 'Moo', 'p-duck': 'Quack' };
    expect(grade(matching, { matches: all })).toEqual({
      status: 'graded',
      fraction: 1,
      points: 3,
      feedback: [],
    });
    expect(grade(matching, { matches: { ...all, 'p-cow': 'Baa' } })).toMatchObject({
      fraction: 0.75,
      points: 2.25,
    });
    expect(grade(matching, { matches: { 'p-cat': 'Meow' } })).toMatchObject({ fraction: 0.25, points: 0.75 });
    expect(grade(matching, { matches: {} })).toMatchObject({ fraction: 0 });
    expect(grade(matching, null)).toMatchObject({ status: 'graded', fraction: 0 });
  });
});

describe('grading: ordering', () => {
  it('counts items in their exact position by default', () => {
    expect(grade(ordering, { order: ['i-1', 'i-2', 'i-3', 'i-4'] })).toEqual({
      status: 'graded',
      fraction: 1,
      points: 3,
      feedback: [],
    });
    expect(grade(ordering, { order: ['i-1', 'i-2', 'i-4', 'i-3'] })).toMatchObject({
      fraction: 0.5,
      points: 1.5,
    });
    // Moving the last item to the front leaves none in place.
    expect(grade(ordering, { order: ['i-4', 'i-1', 'i-2', 'i-3'] })).toMatchObject({
      fraction: 0,
      points: 0,
    });
    expect(grade(ordering, null)).toMatchObject({ status: 'graded', fraction: 0 });
  });

  it('offers longest-correct-subsequence scoring as a helper', () => {
    expect(longestCorrectSubsequenceFraction(ordering.items, ['i-4', 'i-1', 'i-2', 'i-3'])).toBe(0.75);
    expect(longestCorrectSubsequenceFraction(ordering.items, ['i-4', 'i-3', 'i-2', 'i-1'])).toBe(0.25);
    expect(longestCorrectSubsequenceFraction(ordering.items, ['i-1', 'i-2', 'i-3', 'i-4'])).toBe(1);
    expect(longestCorrectSubsequenceFraction(ordering.items, ['i-2', 'i-1', 'i-4', 'i-3'])).toBe(0.5);
  });
});

describe('grading: essay', () => {
  it('leaves a graded essay to a trainer and marks an ungraded one as such, answered or not', () => {
    expect(grade(essay(true), { text: 'My essay' })).toEqual({ status: 'needs-grading' });
    expect(grade(essay(true), null)).toEqual({ status: 'needs-grading' });
    expect(grade(essay(false), { text: 'My essay' })).toEqual({ status: 'ungraded' });
    expect(grade(essay(false), null)).toEqual({ status: 'ungraded' });
  });
});

describe('grading: rounding and robustness', () => {
  it('rounds fractions to 7 decimals and points to 2', () => {
    const q: MultipleResponseQuestion = { ...multiple('partial'), points: 1 };
    expect(grade(q, { optionIds: ['a', 'b'] })).toMatchObject({ fraction: 0.6666667, points: 0.67 });
  });

  it('grades a response of the wrong shape as unanswered instead of throwing', () => {
    expect(grade(singleChoice, { text: 'opt-noone' } as Response)).toEqual({
      status: 'graded',
      fraction: 0,
      points: 0,
      feedback: [],
    });
    expect(grade(ordering, { optionId: 'i-1' } as Response)).toMatchObject({ fraction: 0 });
  });
});

const problemOf = (question: Question, response: unknown): string => {
  const result = validateResponse(question, response);
  if (result.ok) throw new Error(`expected a problem for ${JSON.stringify(response)}`);
  return result.problem;
};

describe('validating responses', () => {
  it('accepts well-formed responses of every type, and null as unanswered', () => {
    const good: [Question, unknown][] = [
      [singleChoice, { optionId: 'opt-grant' }],
      [multiple('partial'), { optionIds: ['a', 'c'] }],
      [trueFalse, { answer: true }],
      [shortAnswer, { text: 'Darwin' }],
      [numeric, { text: '3,14' }],
      [matching, { matches: { 'p-cat': 'Baa' } }],
      [ordering, { order: ['i-4', 'i-3', 'i-2', 'i-1'] }],
      [essay(true), { text: 'x'.repeat(10_000) }],
    ];
    for (const [question, response] of good) {
      expect(validateResponse(question, response)).toEqual({ ok: true, response });
    }
    expect(validateResponse(singleChoice, null)).toEqual({ ok: true, response: null });
  });

  it('names wrong shapes', () => {
    expect(problemOf(singleChoice, 'opt-grant')).toBe(
      'The response must be an object with a "optionId" field.',
    );
    expect(problemOf(singleChoice, [])).toBe('The response must be an object with a "optionId" field.');
    expect(problemOf(singleChoice, {})).toBe('The response is missing its "optionId" field.');
    expect(problemOf(singleChoice, { optionId: 'opt-grant', extra: 1 })).toBe(
      'The response has an unexpected field "extra".',
    );
    expect(problemOf(singleChoice, { optionId: 7 })).toBe('"optionId" must be a string.');
    expect(problemOf(trueFalse, { answer: 'true' })).toBe('"answer" must be true or false.');
    expect(problemOf(shortAnswer, { text: 42 })).toBe('"text" must be a string.');
    expect(problemOf(multiple('partial'), { optionIds: 'a' })).toBe(
      '"optionIds" must be a list of option ids.',
    );
    expect(problemOf(multiple('partial'), { optionIds: ['a', 1] })).toBe(
      '"optionIds" must hold only strings.',
    );
    expect(problemOf(matching, { matches: ['Meow'] })).toBe(
      '"matches" must be an object from pair id to answer.',
    );
    expect(problemOf(ordering, { order: 'i-1' })).toBe('"order" must be a list of item ids.');
  });

  it('names unknown and duplicate ids', () => {
    expect(problemOf(singleChoice, { optionId: 'opt-lincoln' })).toBe(
      '"optionId" names an unknown option "opt-lincoln".',
    );
    expect(problemOf(multiple('partial'), { optionIds: ['a', 'z'] })).toBe(
      '"optionIds" names an unknown option "z".',
    );
    expect(problemOf(multiple('partial'), { optionIds: ['a', 'a'] })).toBe(
      '"optionIds" names the option "a" more than once.',
    );
    expect(problemOf(ordering, { order: ['i-1', 'i-1', 'i-2', 'i-3'] })).toBe(
      '"order" names the item "i-1" more than once.',
    );
    expect(problemOf(ordering, { order: ['i-1', 'i-2', 'i-3', 'i-9'] })).toBe(
      '"order" names an unknown item "i-9".',
    );
  });

  it('requires an ordering to be a permutation of the items', () => {
    expect(problemOf(ordering, { order: ['i-1', 'i-2', 'i-3'] })).toBe(
      '"order" must list all 4 items; it lists 3.',
    );
    expect(problemOf(ordering, { order: [] })).toBe('"order" must list all 4 items; it lists 0.');
  });

  it('requires matching keys to be pair ids and values to be offered answers', () => {
    expect(problemOf(matching, { matches: { 'p-horse': 'Neigh' } })).toBe(
      '"matches" names an unknown pair "p-horse".',
    );
    expect(problemOf(matching, { matches: JSON.parse('{"__proto__": "Meow"}') })).toBe(
      '"matches" names an unknown pair "__proto__".',
    );
    expect(problemOf(matching, { matches: { 'p-cat': 'Neigh' } })).toBe(
      '"matches.p-cat" is not one of the offered answers.',
    );
    expect(problemOf(matching, { matches: { 'p-cat': 3 } })).toBe('"matches.p-cat" must be a string.');
  });

  it('refuses texts longer than 10,000 characters', () => {
    const long = 'x'.repeat(10_001);
    for (const question of [shortAnswer, numeric, essay(false)]) {
      expect(problemOf(question, { text: long })).toBe(
        '"text" is 10001 characters long; the limit is 10000.',
      );
    }
    expect(problemOf(matching, { matches: { 'p-cat': long } })).toBe(
      '"matches.p-cat" is 10001 characters long; the limit is 10000.',
    );
  });
});

describe('learner view', () => {
  /** Each question with the strings its learner view must never contain. */
  const secrets: [Question, string[]][] = [
    [singleChoice, ['correctOptionId', 'FEEDBACK-GRANT', 'FEEDBACK-NOONE', 'General']],
    [
      multiple('right-minus-wrong'),
      ['"correct"', 'FEEDBACK-A', 'FEEDBACK-B', 'FEEDBACK-C', 'right-minus-wrong'],
    ],
    [trueFalse, ['"answer"', 'FEEDBACK-TRUE', 'FEEDBACK-FALSE', ':false']],
    [
      shortAnswer,
      ['Charles', 'Darwin', 'Wallace', 'fraction', 'FEEDBACK-DARWIN', 'FEEDBACK-PATTERN', 'pattern'],
    ],
    [numeric, ['3.14', '0.01', '0.25', 'tolerance', 'value', 'FEEDBACK-PI', 'FEEDBACK-ROUGH']],
    [distance, ['2000', 'tolerance', 'multiplier', '0.001']],
    [matching, ['"answer"', 'distractors']],
    [essay(true), ['"graded"', 'General']],
  ];

  it.each(secrets.map(([question, hidden]) => [question.type, question, hidden] as const))(
    'shows nothing secret of a %s question',
    (_type, question, hidden) => {
      const shown = JSON.stringify(learnerView(question));
      expect(shown).toContain('Prompt');
      for (const secret of hidden) expect(shown).not.toContain(secret);
    },
  );

  it('shows choices without flags or feedback, in the order asked for', () => {
    expect(learnerView(singleChoice, { optionOrder: ['opt-jeff', 'opt-grant', 'opt-noone'] })).toEqual({
      type: 'single-choice',
      prompt: doc('Prompt'),
      points: 3,
      options: [
        { id: 'opt-jeff', text: doc('Jefferson') },
        { id: 'opt-grant', text: doc('Grant') },
        { id: 'opt-noone', text: doc('No one') },
      ],
    });
  });

  it('shows matching answers and distractors as one sorted list, not in pair order', () => {
    expect(learnerView(matching)).toEqual({
      type: 'matching',
      prompt: doc('Prompt'),
      points: 3,
      prompts: [
        { id: 'p-cat', prompt: doc('Cat') },
        { id: 'p-dog', prompt: doc('Dog') },
        { id: 'p-cow', prompt: doc('Cow') },
        { id: 'p-duck', prompt: doc('Duck') },
      ],
      answers: ['Baa', 'Meow', 'Moo', 'Quack', 'Woof'],
    });
  });

  it('shows ordering items in the given order', () => {
    expect(learnerView(ordering, { optionOrder: ['i-3', 'i-1', 'i-4', 'i-2'] })).toEqual({
      type: 'ordering',
      prompt: doc('Prompt'),
      points: 3,
      items: [
        { id: 'i-3', text: doc('Third') },
        { id: 'i-1', text: doc('First') },
        { id: 'i-4', text: doc('Fourth') },
        { id: 'i-2', text: doc('Second') },
      ],
    });
  });

  it('shuffles ordering items rather than showing the answer when no usable order is given', () => {
    const many: OrderingQuestion = {
      ...ordering,
      items: Array.from({ length: 20 }, (_, index) => ({ id: `item-${index}`, text: doc(`Item ${index}`) })),
    };
    const correct = many.items.map((item) => item.id);
    for (const optionOrder of [undefined, ['item-0'], [...correct.slice(1), 'item-1']]) {
      const view = learnerView(many, { optionOrder });
      if (view.type !== 'ordering') throw new Error('expected an ordering view');
      const shown = view.items.map((item) => item.id);
      expect([...shown].sort()).toEqual([...correct].sort());
      // 1 chance in 20! of a false failure.
      expect(shown).not.toEqual(correct);
    }
  });

  it('shows units by name and essays with their word minimum', () => {
    expect(learnerView(distance)).toEqual({
      type: 'numeric',
      prompt: doc('Prompt'),
      points: 3,
      units: ['m', 'km'],
    });
    expect(learnerView(essay(true))).toEqual({
      type: 'essay',
      prompt: doc('Prompt'),
      points: 3,
      minWords: 50,
    });
    expect(learnerView(trueFalse)).toEqual({ type: 'true-false', prompt: doc('Prompt'), points: 3 });
  });

  it('makes a shuffled order from a random source', () => {
    const values = [0.9, 0.1, 0.5];
    let call = 0;
    // Fisher–Yates from the end: 3 stays (0.9 × 4), 2 swaps with 0 (0.1 × 3), 1 stays (0.5 × 2).
    expect(shuffledIds(['a', 'b', 'c', 'd'], () => values[call++ % values.length]!)).toEqual([
      'c',
      'b',
      'a',
      'd',
    ]);
  });
});
