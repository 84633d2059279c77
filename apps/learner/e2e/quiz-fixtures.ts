// A course with a quiz, made through the Studio's API as a trainer would make it: a module with a
// lesson, a quiz activity, questions of every auto-graded type in the course's bank, the quiz's
// settings and slots, then publishing.
import type { ApiSession } from './api-helpers';
import { openCourseWithModule, paragraph, type Revised } from './learning-fixtures';

const doc = (text: string) => ({ type: 'doc', content: [paragraph(text)] });

/** The questions, in the quiz's order; prompts are what the learner's page shows. */
export const QUIZ_QUESTIONS = [
  {
    type: 'single-choice',
    prompt: doc('Which document proves a person’s date of birth?'),
    generalFeedback: null,
    points: 1,
    options: [
      { id: 'passport', text: doc('A passport'), feedback: null },
      { id: 'birth', text: doc('A birth certificate'), feedback: doc('Yes: it is the primary record.') },
      { id: 'bill', text: doc('A utility bill'), feedback: null },
    ],
    correctOptionId: 'birth',
  },
  {
    type: 'multiple-response',
    prompt: doc('Which of these shorten a queue at the registry?'),
    generalFeedback: null,
    points: 1,
    options: [
      { id: 'appointments', text: doc('Appointments'), feedback: null, correct: true },
      { id: 'online', text: doc('Online forms'), feedback: null, correct: true },
      { id: 'stamps', text: doc('More stamps'), feedback: null, correct: false },
    ],
    scoring: 'all-or-nothing',
  },
  {
    type: 'true-false',
    prompt: doc('A journey map follows one person through a service.'),
    generalFeedback: null,
    points: 1,
    answer: true,
    feedbackTrue: null,
    feedbackFalse: null,
  },
  {
    type: 'short-answer',
    prompt: doc('Name the capital of Saint Lucia.'),
    generalFeedback: null,
    points: 1,
    answers: [{ text: 'Castries', fraction: 1, feedback: null }],
    caseSensitive: false,
  },
  {
    type: 'numeric',
    prompt: doc('How many working days are in a five-day week?'),
    generalFeedback: null,
    points: 1,
    answers: [{ value: 5, tolerance: 0, fraction: 1, feedback: null }],
    units: [{ unit: 'days', multiplier: 1 }],
  },
  {
    type: 'matching',
    prompt: doc('Match each country with its capital.'),
    generalFeedback: null,
    points: 1,
    pairs: [
      { id: 'bs', prompt: doc('The Bahamas'), answer: 'Nassau' },
      { id: 'gy', prompt: doc('Guyana'), answer: 'Georgetown' },
    ],
    distractors: ['Bridgetown'],
  },
  {
    type: 'ordering',
    prompt: doc('Put the steps of a service visit in order.'),
    generalFeedback: null,
    points: 1,
    items: [
      { id: 'arrive', text: doc('Arrive at the desk') },
      { id: 'wait', text: doc('Wait in the queue') },
      { id: 'leave', text: doc('Leave with the document') },
    ],
  },
] as const;

export const QUIZ_SETTINGS = {
  attemptsAllowed: 2 as number | null,
  timeLimitMinutes: 30 as number | null,
  passingScore: 50,
  shuffleQuestions: false,
  shuffleOptions: false,
  layout: 'one-per-page' as 'one-per-page' | 'all-on-one-page',
  availableFrom: null,
  availableUntil: null,
  feedback: 'after-submit' as 'immediate' | 'after-submit' | 'after-close',
  showCorrectAnswers: true,
  grade: 'highest',
  completion: 'pass',
};

export interface QuizCourse {
  id: string;
  slug: string;
  title: string;
  quizId: string;
  quizTitle: string;
}

/** Creates and publishes an open course whose only module holds a lesson and then the quiz. */
export async function publishQuizCourse(
  trainer: ApiSession,
  title: string,
  quizTitle: string,
  settings: Partial<typeof QUIZ_SETTINGS> = {},
): Promise<QuizCourse> {
  const course = await openCourseWithModule(trainer, {
    title,
    summary: 'A short course about public services in the Caribbean.',
    moduleTitle: 'Checking what you know',
  });
  const lesson = await trainer.post<Revised>(
    `/api/studio/courses/${course.id}/modules/${course.moduleId}/activities`,
    {
      revision: course.revision,
      kind: 'lesson',
      title: 'Before the quiz',
    },
  );
  const content = await trainer.get<{ revision: number }>(`/api/studio/lessons/${lesson.id}`);
  await trainer.put(`/api/studio/lessons/${lesson.id}`, {
    revision: content.revision,
    document: { type: 'doc', content: [paragraph('A short lesson before the quiz.')] },
  });
  const quiz = await trainer.post<Revised>(
    `/api/studio/courses/${course.id}/modules/${course.moduleId}/activities`,
    {
      revision: lesson.course.revision,
      kind: 'quiz',
      title: quizTitle,
    },
  );
  const questionIds: string[] = [];
  for (const question of QUIZ_QUESTIONS) {
    const created = await trainer.post<{ id: string }>(`/api/studio/courses/${course.id}/questions`, {
      category: 'Front desk',
      tags: [],
      question,
    });
    questionIds.push(created.id);
  }
  const draft = await trainer.get<{ revision: number }>(`/api/studio/quizzes/${quiz.id}`);
  await trainer.put(`/api/studio/quizzes/${quiz.id}`, {
    revision: draft.revision,
    settings: { ...QUIZ_SETTINGS, ...settings },
    slots: questionIds.map((questionId) => ({ kind: 'question', questionId })),
  });
  const current = await trainer.get<{ revision: number }>(`/api/studio/courses/${course.id}`);
  await trainer.post(`/api/studio/courses/${course.id}/publish`, {
    revision: current.revision,
    changeLog: 'First version',
  });
  return { id: course.id, slug: course.slug, title, quizId: quiz.id, quizTitle };
}
