import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../auth/auth-context.js';
import { ProblemException } from '../../common/problem/problem.exception.js';
import { ProblemType } from '../../common/problem/problem-details.js';
import { CoursesService } from '../../courses/courses.service.js';
import { QUIZ_KIND } from '../attempts/quiz.kind.js';
import { QuestionVersions } from '../bank/question-versions.service.js';
import {
  itemAnalysis,
  type AnalysedQuestion,
  type FrequencyRow,
  type QuestionStatisticsRow,
} from './item-analysis.js';
import { ANALYSED_ATTEMPTS, QUESTION_STATISTICS, RESPONSE_FREQUENCIES } from './item-analysis.query.js';
import type {
  AttemptReview,
  QuizAnalysis,
  QuizAttemptList,
  QuizAttemptRow,
  ReviewedSlot,
} from './quiz-results.dto.js';
import { QUIZ_ATTEMPT, QUIZ_ATTEMPT_SLOTS, QUIZ_ATTEMPTS, QUIZ_SLOT_POINTS } from './quiz-results.queries.js';
import { resultsCsv, type CsvAttempt } from './results-csv.js';

/** The commonest text answers a question lists in the analysis. */
const TEXT_ANSWERS = 10;

interface AttemptRecord extends Omit<QuizAttemptRow, 'startedAt' | 'submittedAt'> {
  activityId?: string;
  startedAt: Date;
  submittedAt: Date | null;
}

interface SlotRecord extends Omit<ReviewedSlot, 'question' | 'answeredAt' | 'gradedAt'> {
  answeredAt: Date | null;
  gradedAt: Date | null;
}

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

const attemptRow = (row: AttemptRecord): QuizAttemptRow => ({
  id: row.id,
  userId: row.userId,
  displayName: row.displayName,
  email: row.email,
  number: row.number,
  status: row.status,
  startedAt: row.startedAt.toISOString(),
  submittedAt: iso(row.submittedAt),
  autoSubmitted: row.autoSubmitted,
  points: row.points,
  maxPoints: row.maxPoints,
  score: row.score,
  passed: row.passed,
  pendingGrading: row.pendingGrading,
});

const attemptNotFound = (attemptId: string) =>
  new ProblemException({
    status: 404,
    type: ProblemType.NotFound,
    detail: `There is no quiz attempt ${attemptId} that you may see.`,
  });

/**
 * What trainers read of a quiz's attempts: the list per learner, one attempt in full, the item
 * analysis and the CSV export. Only the course's authors may (404 for anyone else, as for lessons).
 */
@Injectable()
export class QuizResultsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly courses: CoursesService,
    private readonly questions: QuestionVersions,
  ) {}

  async attempts(activityId: string, auth: AuthContext): Promise<QuizAttemptList> {
    const place = await this.courses.activityPlace(activityId, auth, undefined, QUIZ_KIND);
    const rows = (await this.db.query(QUIZ_ATTEMPTS, [activityId])) as AttemptRecord[];
    return {
      activityId,
      title: place.title,
      courseId: place.courseId,
      courseTitle: place.courseTitle,
      items: rows.map(attemptRow),
    };
  }

  async review(attemptId: string, auth: AuthContext): Promise<AttemptReview> {
    const [attempt] = (await this.db.query(QUIZ_ATTEMPT, [attemptId])) as (AttemptRecord & {
      activityId: string;
    })[];
    if (!attempt) throw attemptNotFound(attemptId);
    const place = await this.courses
      .activityPlace(attempt.activityId, auth, undefined, QUIZ_KIND)
      .catch((error: unknown) => {
        throw error instanceof ProblemException && error.problem.status === 404
          ? attemptNotFound(attemptId)
          : error;
      });
    const slots = (await this.db.query(QUIZ_ATTEMPT_SLOTS, [attemptId])) as SlotRecord[];
    const bodies = await this.questions.bodies(
      slots.map((s) => ({ questionId: s.questionId, version: s.questionVersion })),
    );
    return {
      ...attemptRow(attempt),
      activityId: attempt.activityId,
      quizTitle: place.title,
      courseId: place.courseId,
      courseTitle: place.courseTitle,
      slots: slots.map((s) => ({
        ...s,
        question: (bodies.get(`${s.questionId}:${s.questionVersion}`) ?? {}) as Record<string, unknown>,
        answeredAt: iso(s.answeredAt),
        gradedAt: iso(s.gradedAt),
      })),
    };
  }

  async analysis(activityId: string, auth: AuthContext): Promise<QuizAnalysis> {
    await this.courses.activityPlace(activityId, auth, undefined, QUIZ_KIND);
    const [summary, statistics, frequencies] = await Promise.all([
      this.db.query(ANALYSED_ATTEMPTS, [activityId]) as Promise<
        { attempts: number; meanScore: number | null }[]
      >,
      this.db.query(QUESTION_STATISTICS, [activityId]) as Promise<QuestionStatisticsRow[]>,
      this.db.query(RESPONSE_FREQUENCIES, [activityId, TEXT_ANSWERS]) as Promise<FrequencyRow[]>,
    ]);
    const refs = statistics.map((row) => ({ questionId: row.questionId, version: row.latestVersion }));
    const [bodies, bank] = await Promise.all([
      this.questions.bodies(refs),
      this.questions.current(refs.map((ref) => ref.questionId)),
    ]);
    const questions = new Map<string, AnalysedQuestion>();
    for (const ref of refs) {
      const question = bodies.get(`${ref.questionId}:${ref.version}`);
      if (question) questions.set(ref.questionId, { question, name: bank.get(ref.questionId)?.name ?? '' });
    }
    return itemAnalysis(
      activityId,
      summary[0] ?? { attempts: 0, meanScore: null },
      statistics,
      frequencies,
      questions,
    );
  }

  async csv(
    activityId: string,
    language: string,
    auth: AuthContext,
  ): Promise<{ filename: string; body: string }> {
    const place = await this.courses.activityPlace(activityId, auth, undefined, QUIZ_KIND);
    const [rows, slotRows] = await Promise.all([
      this.db.query(QUIZ_ATTEMPTS, [activityId]) as Promise<AttemptRecord[]>,
      this.db.query(QUIZ_SLOT_POINTS, [activityId]) as Promise<
        { attemptId: string; points: Record<string, number | null>; slots: number }[]
      >,
    ]);
    const bySlot = new Map(slotRows.map((row) => [row.attemptId, row.points]));
    const slotCount = Math.max(0, ...slotRows.map((row) => row.slots));
    const attempts: CsvAttempt[] = rows.map((row) => ({ ...row, slotPoints: bySlot.get(row.id) ?? {} }));
    const slug = place.title
      .normalize('NFKD')
      .replace(/[^\w]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase();
    return { filename: `${slug || 'quiz'}-results.csv`, body: resultsCsv(attempts, slotCount, language) };
  }
}
