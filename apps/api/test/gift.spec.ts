import { describe, expect, it } from '@jest/globals';
import type { GiftQuestion } from '../src/quizzes/gift/index.js';
import { parseGift, writeGift } from '../src/quizzes/gift/index.js';

/** The only question of `source`, which must parse without problems. */
function only(source: string): GiftQuestion {
  const { questions, problems } = parseGift(source);
  expect(problems).toEqual([]);
  expect(questions).toHaveLength(1);
  return questions[0] as GiftQuestion;
}

function question(fields: Partial<GiftQuestion> & Pick<GiftQuestion, 'text' | 'body'>): GiftQuestion {
  return { line: 1, category: null, name: null, format: 'moodle', generalFeedback: null, ...fields };
}

const withoutLines = (questions: GiftQuestion[]) => questions.map(({ line: _line, ...rest }) => rest);

describe('GIFT: question types from Moodle documentation', () => {
  it('reads a multiple-choice question', () => {
    expect(only("Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}")).toEqual(
      question({
        text: "Who's buried in Grant's tomb?",
        body: {
          kind: 'multiple-choice',
          answers: [
            { text: 'Grant', fraction: 0, feedback: null },
            { text: 'Jefferson', fraction: 0, feedback: null },
            { text: 'no one', fraction: 100, feedback: null },
          ],
        },
      }),
    );
  });

  it('reads per-answer feedback of a multiple-choice question spread over lines', () => {
    const source = [
      "What's the answer to this multiple-choice question? {",
      '~wrong answer#feedback comment on the wrong answer',
      '~another wrong answer#feedback comment on this wrong answer',
      '=right answer#Very good!}',
    ].join('\n');
    expect(only(source).body).toEqual({
      kind: 'multiple-choice',
      answers: [
        { text: 'wrong answer', fraction: 0, feedback: 'feedback comment on the wrong answer' },
        { text: 'another wrong answer', fraction: 0, feedback: 'feedback comment on this wrong answer' },
        { text: 'right answer', fraction: 100, feedback: 'Very good!' },
      ],
    });
  });

  it('reads a multiple-response question with weights', () => {
    const source = [
      "What two people are entombed in Grant's tomb? {",
      '   ~%-100%No one',
      '   ~%50%Grant',
      "   ~%50%Grant's wife",
      "   ~%-33.33333%Grant's father",
      '}',
    ].join('\n');
    expect(only(source)).toEqual(
      question({
        text: "What two people are entombed in Grant's tomb?",
        body: {
          kind: 'multiple-choice',
          answers: [
            { text: 'No one', fraction: -100, feedback: null },
            { text: 'Grant', fraction: 50, feedback: null },
            { text: "Grant's wife", fraction: 50, feedback: null },
            { text: "Grant's father", fraction: -33.33333, feedback: null },
          ],
        },
      }),
    );
  });

  it('reads true/false questions, with and without feedback', () => {
    const { questions, problems } = parseGift(
      [
        "Grant is buried in Grant's tomb.{F}",
        '',
        'The sun rises in the east.{T}',
        '',
        "Grant is buried in Grant's tomb.{FALSE#No one is buried in Grant's tomb.}",
        '',
        'The sun rises in the east.{TRUE#Look at a sunrise.#Well observed.}',
        '',
        'The moon is cheese.{FALSE##Right, it is rock.}',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(questions.map((item) => [item.line, item.text, item.body])).toEqual([
      [
        1,
        "Grant is buried in Grant's tomb.",
        { kind: 'true-false', answer: false, feedbackWrong: null, feedbackRight: null },
      ],
      [
        3,
        'The sun rises in the east.',
        { kind: 'true-false', answer: true, feedbackWrong: null, feedbackRight: null },
      ],
      [
        5,
        "Grant is buried in Grant's tomb.",
        {
          kind: 'true-false',
          answer: false,
          feedbackWrong: "No one is buried in Grant's tomb.",
          feedbackRight: null,
        },
      ],
      [
        7,
        'The sun rises in the east.',
        {
          kind: 'true-false',
          answer: true,
          feedbackWrong: 'Look at a sunrise.',
          feedbackRight: 'Well observed.',
        },
      ],
      [
        9,
        'The moon is cheese.',
        { kind: 'true-false', answer: false, feedbackWrong: null, feedbackRight: 'Right, it is rock.' },
      ],
    ]);
  });

  it('reads short-answer questions, with partial credit and feedback', () => {
    expect(only("Who's buried in Grant's tomb?{=no one =nobody}").body).toEqual({
      kind: 'short-answer',
      answers: [
        { text: 'no one', fraction: 100, feedback: null },
        { text: 'nobody', fraction: 100, feedback: null },
      ],
    });
    expect(
      only('What is the capital of France? {=Paris =paris =%50%Lutetia#That was long ago.}').body,
    ).toEqual({
      kind: 'short-answer',
      answers: [
        { text: 'Paris', fraction: 100, feedback: null },
        { text: 'paris', fraction: 100, feedback: null },
        { text: 'Lutetia', fraction: 50, feedback: 'That was long ago.' },
      ],
    });
  });

  it('reads a numeric answer with a tolerance', () => {
    expect(only('When was Ulysses S. Grant born?{#1822:5}')).toEqual(
      question({
        text: 'When was Ulysses S. Grant born?',
        body: { kind: 'numeric', answers: [{ value: 1822, tolerance: 5, fraction: 100, feedback: null }] },
      }),
    );
    expect(only('What is pi? {#3.14:0.01#Close enough.}').body).toEqual({
      kind: 'numeric',
      answers: [{ value: 3.14, tolerance: 0.01, fraction: 100, feedback: 'Close enough.' }],
    });
    expect(only('How many legs has a spider? {#8}').body).toEqual({
      kind: 'numeric',
      answers: [{ value: 8, tolerance: 0, fraction: 100, feedback: null }],
    });
  });

  it('turns a numeric range into a value and a tolerance', () => {
    expect(only('What is a number from 1 to 5? {#1..5}').body).toEqual({
      kind: 'numeric',
      answers: [{ value: 3, tolerance: 2, fraction: 100, feedback: null }],
    });
    expect(only('A temperature below zero? {#-10..-2}').body).toEqual({
      kind: 'numeric',
      answers: [{ value: -6, tolerance: 4, fraction: 100, feedback: null }],
    });
  });

  it('reads several numeric answers with partial credit and feedback', () => {
    const source = [
      'When was Ulysses S. Grant born? {#',
      '    =1822:0      # Correct! Full credit.',
      '    =%50%1822:2  # He was born in 1822. Half credit for being close.',
      '}',
    ].join('\n');
    expect(only(source).body).toEqual({
      kind: 'numeric',
      answers: [
        { value: 1822, tolerance: 0, fraction: 100, feedback: 'Correct! Full credit.' },
        {
          value: 1822,
          tolerance: 2,
          fraction: 50,
          feedback: 'He was born in 1822. Half credit for being close.',
        },
      ],
    });
    expect(only('Pi? {# =%100%3.14:0.01 =%50%3:1}').body).toEqual({
      kind: 'numeric',
      answers: [
        { value: 3.14, tolerance: 0.01, fraction: 100, feedback: null },
        { value: 3, tolerance: 1, fraction: 50, feedback: null },
      ],
    });
  });

  it('reads a matching question with its general feedback and a distractor', () => {
    const source = [
      'Match the following countries with their corresponding capitals. {',
      '   =Canada -> Ottawa',
      '   =Italy  -> Rome',
      '   =Japan  -> Tokyo',
      '   = -> Canberra',
      "   ####It's good to know the capitals",
      '}',
    ].join('\n');
    expect(only(source)).toEqual(
      question({
        text: 'Match the following countries with their corresponding capitals.',
        generalFeedback: "It's good to know the capitals",
        body: {
          kind: 'matching',
          pairs: [
            { prompt: 'Canada', answer: 'Ottawa' },
            { prompt: 'Italy', answer: 'Rome' },
            { prompt: 'Japan', answer: 'Tokyo' },
            { prompt: '', answer: 'Canberra' },
          ],
        },
      }),
    );
  });

  it('reads the documented two-pair matching example', () => {
    expect(only('::Q4:: Which animal eats which food? { =cat -> cat food =dog -> dog food }').body).toEqual({
      kind: 'matching',
      pairs: [
        { prompt: 'cat', answer: 'cat food' },
        { prompt: 'dog', answer: 'dog food' },
      ],
    });
  });

  it('keeps a missing-word question whole, with a placeholder for the block', () => {
    expect(
      only('Moodle costs {~lots of money =nothing ~a small amount} to download from moodle.org.'),
    ).toEqual(
      question({
        text: 'Moodle costs _____ to download from moodle.org.',
        body: {
          kind: 'multiple-choice',
          answers: [
            { text: 'lots of money', fraction: 0, feedback: null },
            { text: 'nothing', fraction: 100, feedback: null },
            { text: 'a small amount', fraction: 0, feedback: null },
          ],
        },
      }),
    );
    expect(only('Two plus {=two =2} equals four.').text).toBe('Two plus _____ equals four.');
    // Even a full stop after the block makes it a missing-word question, as in Moodle.
    expect(only('What is pi (to 3 decimal places)? {#3.141..3.142}.').text).toBe(
      'What is pi (to 3 decimal places)? _____.',
    );
  });

  it('reads an essay, with general feedback', () => {
    expect(only('Write a short biography of Dag Hammarskjöld. {}')).toEqual(
      question({ text: 'Write a short biography of Dag Hammarskjöld.', body: { kind: 'essay' } }),
    );
    expect(only('::Q8:: How are you? {####Thanks for telling us.}')).toEqual(
      question({
        name: 'Q8',
        text: 'How are you?',
        generalFeedback: 'Thanks for telling us.',
        body: { kind: 'essay' },
      }),
    );
  });

  it('reads a question without an answer block as a description', () => {
    const { questions, problems } = parseGift(
      '::Intro::The next questions are about capitals.\n\nCapital of Italy? {=Rome}',
    );
    expect(problems).toEqual([]);
    expect(questions[0]).toEqual(
      question({
        name: 'Intro',
        text: 'The next questions are about capitals.',
        body: { kind: 'description' },
      }),
    );
  });

  it('applies the latest category to the questions after it', () => {
    const source = [
      '// question: 0  name: Switch category to $course$/top/Geography',
      '$CATEGORY: $course$/top/Geography',
      '',
      'Capital of Italy? {=Rome}',
      '',
      'Capital of Japan? {=Tokyo}',
      '',
      '$CATEGORY: $course$/top/History',
      '',
      'Grant was born in 1822.{T}',
    ].join('\n');
    const { questions, problems } = parseGift(source);
    expect(problems).toEqual([]);
    expect(questions.map((item) => [item.line, item.category])).toEqual([
      [4, '$course$/top/Geography'],
      [6, '$course$/top/Geography'],
      [10, '$course$/top/History'],
    ]);
  });

  it('reads titles, and ignores comment lines anywhere', () => {
    const source = [
      '// true-false',
      '::Q1:: 1+1=2 {T}',
      '',
      '// multiple choice with specified feedback for right and wrong answers',
      "::Q2:: What's between orange and green in the spectrum?",
      '// a comment inside the question',
      "{ =yellow # right; good! ~red # wrong, it's yellow ~blue # wrong, it's yellow }",
    ].join('\n');
    const { questions, problems } = parseGift(source);
    expect(problems).toEqual([]);
    expect(questions).toEqual([
      question({
        line: 2,
        name: 'Q1',
        text: '1+1=2',
        body: { kind: 'true-false', answer: true, feedbackWrong: null, feedbackRight: null },
      }),
      question({
        line: 5,
        name: 'Q2',
        text: "What's between orange and green in the spectrum?",
        body: {
          kind: 'multiple-choice',
          answers: [
            { text: 'yellow', fraction: 100, feedback: 'right; good!' },
            { text: 'red', fraction: 0, feedback: "wrong, it's yellow" },
            { text: 'blue', fraction: 0, feedback: "wrong, it's yellow" },
          ],
        },
      }),
    ]);
  });

  it('reads [html], [markdown], [plain] and [moodle] format prefixes', () => {
    expect(only('::Bold::[html]Is this <b>bold</b>?{T}')).toMatchObject({
      name: 'Bold',
      format: 'html',
      text: 'Is this <b>bold</b>?',
    });
    expect(only('[markdown]Is this **bold**?{T}')).toMatchObject({
      format: 'markdown',
      text: 'Is this **bold**?',
    });
    expect(only('[plain]Plain <b>text</b>?{T}')).toMatchObject({
      format: 'plain',
      text: 'Plain <b>text</b>?',
    });
    expect(only('[moodle]Moodle text?{T}')).toMatchObject({ format: 'moodle', text: 'Moodle text?' });
    expect(only('No prefix?{T}').format).toBe('moodle');
  });

  it('honours the escapes and new lines', () => {
    const source = [
      '::GIFT Control Characters::',
      'Which of the following is NOT a control character for the GIFT import format? {',
      '   ~ \\~     # \\~ is a control character.',
      '   ~ \\=     # \\= is a control character.',
      '   ~ \\#     # \\# is a control character.',
      '   ~ \\{     # \\{ is a control character.',
      '   ~ \\}     # \\} is a control character.',
      '   = \\     # Correct! \\ (backslash) is not a control character.',
      '}',
    ].join('\n');
    expect(only(source).body).toEqual({
      kind: 'multiple-choice',
      answers: [
        { text: '~', fraction: 0, feedback: '~ is a control character.' },
        { text: '=', fraction: 0, feedback: '= is a control character.' },
        { text: '#', fraction: 0, feedback: '# is a control character.' },
        { text: '{', fraction: 0, feedback: '{ is a control character.' },
        { text: '}', fraction: 0, feedback: '} is a control character.' },
        { text: '\\', fraction: 100, feedback: 'Correct! \\ (backslash) is not a control character.' },
      ],
    });
    expect(
      only('::Time \\:: ratio::What is 1\\:2 \\{in words\\}?\\nThink.\\(x\\) {=one to two}'),
    ).toMatchObject({
      name: 'Time :: ratio',
      text: 'What is 1:2 {in words}?\nThink.\\(x\\)',
    });
    expect(only('Which answer equals 5? { ~ \\= 2 + 2 = \\= 2 + 3 ~ \\= 2 + 4 }').body).toEqual({
      kind: 'multiple-choice',
      answers: [
        { text: '= 2 + 2', fraction: 0, feedback: null },
        { text: '= 2 + 3', fraction: 100, feedback: null },
        { text: '= 2 + 4', fraction: 0, feedback: null },
      ],
    });
  });

  it('normalises CRLF line ends and strips a byte order mark', () => {
    const { questions, problems } = parseGift('\uFEFF// comment\r\nFirst?{T}\r\n\r\nSecond?{F}\r\n');
    expect(problems).toEqual([]);
    expect(questions.map((item) => [item.line, item.text])).toEqual([
      [2, 'First?'],
      [4, 'Second?'],
    ]);
  });

  it('gives nothing for an empty file or one with only comments', () => {
    expect(parseGift('')).toEqual({ questions: [], problems: [] });
    expect(parseGift('// nothing\n\n   \n// here\n')).toEqual({ questions: [], problems: [] });
  });
});

describe('GIFT: problems', () => {
  it('reports each unreadable question with its line, and parses the rest', () => {
    const source = [
      'Good one? {T}', // 1
      '', // 2
      'Capital of France? {=Paris', // 3
      '', // 4
      'Which colour? {', // 5
      '  =red', // 6
      '  =blue', // 7
      '  ~green', // 8
      '}', // 9
      '', // 10
      '// numeric with a comma', // 11
      'What is pi? {#3,14}', // 12
      '', // 13
      '::Untitled forever {T}', // 14
      '', // 15
      'Guess? {~a ~b ~c}', // 16
      '', // 17
      'One {=a ~b} two {=c ~d}', // 18
      '', // 19
      'Stray } brace? {T}', // 20
      '', // 21
      'Too heavy? {~%150%a =b}', // 22
      '', // 23
      'What? {just text}', // 24
      '', // 25
      'Only one choice? {~%100%a}', // 26
      '', // 27
      'Pairs? {=a -> 1 =b}', // 28
      '', // 29
      'Backwards? {#5..1}', // 30
      '', // 31
      'Last good one? {F}', // 32
    ].join('\n');
    const { questions, problems } = parseGift(source);
    expect(problems).toEqual([
      { line: 3, message: 'the answer block is never closed' },
      {
        line: 5,
        message: 'a multiple-choice question needs exactly one correct answer (=) or weights (~%n%)',
      },
      { line: 12, message: "unknown numeric answer '3,14'" },
      { line: 14, message: 'the title (::…::) is never closed' },
      {
        line: 16,
        message: 'a multiple-choice question needs exactly one correct answer (=) or weights (~%n%)',
      },
      { line: 18, message: 'a question can have only one answer block {…}' },
      { line: 20, message: 'a closing } has no opening {' },
      { line: 22, message: 'the weight %150% is outside -100%..100%' },
      {
        line: 24,
        message:
          "the answers must start with = (right) or ~ (wrong), or be T, F, # (numeric) or empty (essay): 'just text'",
      },
      { line: 26, message: 'a multiple-choice question needs at least two answers' },
      { line: 28, message: "a matching pair needs 'prompt -> answer': '=b'" },
      { line: 30, message: "the numeric range '5..1' has its minimum above its maximum" },
    ]);
    expect(questions.map((item) => [item.line, item.text])).toEqual([
      [1, 'Good one?'],
      [32, 'Last good one?'],
    ]);
  });

  it('reports a block cut by a blank line, and its orphan end', () => {
    const { questions, problems } = parseGift('Colour? {\n=red\n\n~blue\n}\n\nFine? {T}');
    expect(problems).toEqual([
      { line: 1, message: 'the answer block is never closed' },
      { line: 5, message: 'a closing } has no opening {' },
    ]);
    expect(questions.map((item) => item.text)).toEqual(['Fine?']);
  });

  it('reports more problems of answers and numbers', () => {
    const problemsOf = (source: string) => parseGift(source).problems;
    expect(problemsOf('Empty? {=a ~}')).toEqual([{ line: 1, message: "an answer has no text: '~'" }]);
    expect(problemsOf('Number? {#}')).toEqual([
      { line: 1, message: 'a numeric question needs a number after #' },
    ]);
    expect(problemsOf('Number? {#3:-1}')).toEqual([{ line: 1, message: "unknown numeric answer '3:-1'" }]);
    expect(problemsOf('Number? {#=3 =%50%three}')).toEqual([
      { line: 1, message: "unknown numeric answer 'three'" },
    ]);
    expect(problemsOf('Pairs? {=a -> 1 = -> 2 = -> 3}')).toEqual([
      { line: 1, message: 'a matching question needs at least two pairs with a prompt' },
    ]);
    expect(problemsOf('True? {T#a#b#c}')).toEqual([
      { line: 1, message: 'a true/false question has at most two feedbacks (#wrong#right)' },
    ]);
    expect(problemsOf('::Only a title::')).toEqual([
      { line: 1, message: 'the question has no text and no answer block' },
    ]);
  });
});

describe('GIFT: input that is not GIFT', () => {
  it('refuses an HTML page', () => {
    const html =
      '<!DOCTYPE html>\n<html><head><style>body { color: red; }</style></head><body>Hi</body></html>';
    expect(parseGift(html)).toEqual({
      questions: [],
      problems: [
        { line: 1, message: 'this is an HTML or XML document (Moodle XML is a different format), not GIFT' },
      ],
    });
  });

  it('refuses a Moodle XML file', () => {
    expect(parseGift('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n</quiz>\n').questions).toEqual([]);
  });

  it('refuses a CSV file', () => {
    expect(parseGift('question,answer\nCapital of Italy?,Rome\nCapital of Japan?,Tokyo\n')).toEqual({
      questions: [],
      problems: [{ line: 1, message: 'this does not look like GIFT: no question has an answer block {…}' }],
    });
  });

  it('refuses binary junk without throwing', () => {
    const bytes = Array.from({ length: 512 }, (_, index) =>
      String.fromCharCode((index * 73 + 11) % 256),
    ).join('');
    expect(parseGift(bytes)).toEqual({
      questions: [],
      problems: [{ line: 1, message: 'this is not a text file, so it cannot be GIFT' }],
    });
    expect(parseGift('PK\u0003\u0004 zip').questions).toEqual([]);
  });

  it('never throws on fragments of GIFT syntax', () => {
    const fragments = [
      '{',
      '}',
      '::',
      '{#',
      '{#..}',
      '{=',
      '{~%',
      '####',
      '\\',
      '{->}',
      '{T#',
      '$CATEGORY:',
      '[html]',
    ];
    for (const fragment of fragments) {
      const source = `Q ${fragment} {=a ~b} ${fragment}`;
      expect(() => parseGift(source)).not.toThrow();
      expect(() => parseGift(fragment)).not.toThrow();
    }
  });
});

describe('GIFT: writer', () => {
  const sample: GiftQuestion[] = [
    question({ line: 1, name: 'Intro', text: 'About capitals.', body: { kind: 'description' } }),
    question({
      category: 'Geography/Capitals',
      name: 'Italy',
      text: 'Capital of Italy?',
      generalFeedback: 'Rome has been the capital since 1871.',
      body: {
        kind: 'multiple-choice',
        answers: [
          { text: 'Rome', fraction: 100, feedback: 'Yes.' },
          { text: 'Milan', fraction: 0, feedback: 'No, Milan is in the north.' },
          { text: 'Turin', fraction: -25, feedback: null },
        ],
      },
    }),
    question({
      category: 'Geography/Capitals',
      text: 'Which two are capitals?',
      body: {
        kind: 'multiple-choice',
        answers: [
          { text: 'Rome', fraction: 50, feedback: null },
          { text: 'Ottawa', fraction: 50, feedback: null },
          { text: 'Sydney', fraction: -100, feedback: 'Canberra is.' },
        ],
      },
    }),
    question({
      category: 'Geography/Capitals',
      text: 'Both right?',
      body: {
        kind: 'multiple-choice',
        answers: [
          { text: 'a', fraction: 100, feedback: null },
          { text: 'b', fraction: 100, feedback: null },
          { text: 'c', fraction: 0, feedback: null },
        ],
      },
    }),
    question({
      category: 'Maths',
      format: 'markdown',
      text: 'Is **1 = 1**?',
      body: { kind: 'true-false', answer: true, feedbackWrong: null, feedbackRight: 'Yes: {trivially}.' },
    }),
    question({
      category: 'Maths',
      text: 'False?',
      generalFeedback: 'General.',
      body: { kind: 'true-false', answer: false, feedbackWrong: 'Wrong #1', feedbackRight: null },
    }),
    question({
      category: 'Maths',
      text: 'Capital of France: _____, on the Seine.',
      body: {
        kind: 'short-answer',
        answers: [
          { text: 'Paris', fraction: 100, feedback: null },
          { text: 'Lutetia', fraction: 50, feedback: 'Old name.' },
        ],
      },
    }),
    question({
      category: 'Maths',
      name: 'Pi',
      text: 'Pi to two decimals, 3.14 \\approx π?',
      body: { kind: 'numeric', answers: [{ value: 3.14, tolerance: 0.005, fraction: 100, feedback: null }] },
    }),
    question({
      category: 'Maths',
      text: 'Between 0.1 and 0.3?',
      body: {
        kind: 'numeric',
        answers: [
          { value: 0.2, tolerance: 0.09999999999999999, fraction: 100, feedback: 'Yes' },
          { value: -1e-7, tolerance: 0, fraction: 0, feedback: null },
          { value: 1, tolerance: 1, fraction: 33.33333, feedback: 'Partly.' },
        ],
      },
    }),
    question({
      category: null,
      text: 'Match: a=1?',
      generalFeedback: 'See the table.',
      body: {
        kind: 'matching',
        pairs: [
          { prompt: 'Canada', answer: 'Ottawa' },
          { prompt: 'Italy: south', answer: 'Rome {capital}' },
          { prompt: '', answer: 'Canberra' },
        ],
      },
    }),
    question({ text: 'Tell us:\nwhy?', body: { kind: 'essay' } }),
    question({ text: 'Nothing to grade', generalFeedback: 'Just write.', body: { kind: 'essay' } }),
    question({
      text: '// not a comment',
      body: { kind: 'true-false', answer: true, feedbackWrong: null, feedbackRight: null },
    }),
    question({ text: '[html] is literal here', body: { kind: 'essay' } }),
    question({
      text: 'Ends with a gap: _____',
      body: { kind: 'short-answer', answers: [{ text: 'x', fraction: 100, feedback: null }] },
    }),
    question({ text: 'Backslash \\ and \\n and \\\\', body: { kind: 'essay' } }),
  ];

  it('writes GIFT that reads back into the same questions', () => {
    const { questions, problems } = parseGift(writeGift(sample));
    expect(problems).toEqual([]);
    expect(withoutLines(questions)).toEqual(withoutLines(sample));
  });

  it('writes categories only when they change, escapes, and blank lines between questions', () => {
    expect(writeGift(sample.slice(0, 3))).toBe(
      [
        '::Intro::About capitals.',
        '',
        '$CATEGORY: Geography/Capitals',
        '',
        '::Italy::Capital of Italy? {',
        '\t=Rome#Yes.',
        '\t~Milan#No, Milan is in the north.',
        '\t~%-25%Turin',
        '\t####Rome has been the capital since 1871.',
        '}',
        '',
        'Which two are capitals? {',
        '\t~%50%Rome',
        '\t~%50%Ottawa',
        '\t~%-100%Sydney#Canberra is.',
        '}',
        '',
      ].join('\n'),
    );
    expect(writeGift(sample.slice(4, 8))).toBe(
      [
        '$CATEGORY: Maths',
        '',
        '[markdown]Is **1 \\= 1**? {TRUE##Yes\\: \\{trivially\\}.}',
        '',
        'False? {FALSE#Wrong \\#1####General.}',
        '',
        'Capital of France\\: {',
        '\t=Paris',
        '\t=%50%Lutetia#Old name.',
        '}, on the Seine.',
        '',
        '::Pi::Pi to two decimals, 3.14 \\\\approx π? {#3.14:0.005}',
        '',
      ].join('\n'),
    );
    expect(writeGift([])).toBe('');
  });

  it('round-trips every documentation example', () => {
    const source = [
      "::Q2:: What's between orange and green in the spectrum?",
      "{ =yellow # right; good! ~red # wrong, it's yellow ~blue # wrong, it's yellow }",
      '',
      '::Q3:: Two plus {=two =2} equals four.',
      '',
      '::Q4:: Which animal eats which food? { =cat -> cat food =dog -> dog food }',
      '',
      '::Q6:: What is a number from 1 to 5? {#1..5}',
      '',
      '::Q7:: When was Ulysses S. Grant born? {#',
      '         =1822:0      # Correct! Full credit.',
      '         =%50%1822:2  # He was born in 1822. Half credit for being close.',
      '}',
      '',
      '$CATEGORY: tom/dick/harry',
      '',
      "Grant is buried in Grant's tomb.{FALSE#No one is buried in Grant's tomb.}",
    ].join('\n');
    const first = parseGift(source);
    expect(first.problems).toEqual([]);
    expect(first.questions).toHaveLength(6);
    const second = parseGift(writeGift(first.questions));
    expect(second.problems).toEqual([]);
    expect(withoutLines(second.questions)).toEqual(withoutLines(first.questions));
  });
});
