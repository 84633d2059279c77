import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../auth/auth-context.js';
import { ProblemException, type ProblemInit } from '../../common/problem/problem.exception.js';
import { ProblemType } from '../../common/problem/problem-details.js';
import { batchedStatement, type Batcher } from '../../database/batcher.js';
import { ActivityCompletion, type LearnerEnrolment } from '../../learning/activity-completion.service.js';
import { validateResponse } from '../questions/index.js';
import { isGradable, optionOrderFor, pickQuestions } from './attempt-draw.js';
import { closed, slotFeedback } from './attempt-feedback.js';
import { AttemptGrading } from './attempt-grading.service.js';
import { AttemptLayouts } from './attempt-layouts.service.js';
import { markOf, type SlotGrade } from './attempt-marks.js';
import { INSERT_SLOTS, SAVE_ANSWERS, SLOT_STATE, START_ATTEMPT } from './attempt-queries.js';
import {
  ATTEMPTS_OF_LEARNER,
  ATTEMPT_WITH_SLOTS,
  type AttemptRecord,
  type SlotRecord,
} from './attempt-records.js';
import { attemptSummary, attemptView, questionKey } from './attempt-view.js';
import type { FrozenQuiz } from './frozen-quiz.js';
import { FrozenQuizzes } from './frozen-quizzes.service.js';
import type {
  Availability,
  AttemptSummary,
  AttemptView,
  CannotStart,
  QuizOverview,
  SaveAnswerRequest,
  SaveAnswerResult,
  SlotFeedback,
} from './quiz-attempts.dto.js';
import { QuestionVersions } from '../bank/question-versions.service.js';

interface AnswerSave {
  attemptId: string;
  slot: number;
  /** JSON text, or null to clear the answer. */
  response: string | null;
  at: string;
  grace: number;
  mark: Pick<SlotGrade, 'grading' | 'fraction' | 'points'>;
}

interface SavedRow {
  savedAt: Date | null;
  status: 'open' | 'submitted' | null;
  locked: boolean | null;
  storedAt: Date | null;
  overdue: boolean | null;
}

const BATCH_SIZE = 100;

const notFound = (detail: string) =>
  new ProblemException({ status: 404, type: ProblemType.NotFound, detail });
const noAttempt = (attemptId: string) => notFound(`You have no quiz attempt ${attemptId}.`);
const conflict = (detail: string, extensions?: ProblemInit['extensions']) =>
  new ProblemException({ status: 409, type: ProblemType.Conflict, detail, extensions });

function availabilityOf(quiz: FrozenQuiz, now: Date): Availability {
  const { availableFrom } = quiz.settings;
  if (availableFrom !== null && now.getTime() < Date.parse(availableFrom)) return 'not-yet';
  return closed(quiz.settings, now) ? 'closed' : 'open';
}

/**
 * A learner's side of quizzes: the overview, starting an attempt, answering, checking (immediate
 * feedback) and submitting. Attempts are found by id, and someone else's attempt is a 404.
 */
@Injectable()
export class QuizAttemptsService {
  private readonly saves: Batcher<AnswerSave, { savedAt: Date | null } | undefined>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly learning: ActivityCompletion,
    private readonly quizzes: FrozenQuizzes,
    private readonly questions: QuestionVersions,
    private readonly layouts: AttemptLayouts,
    private readonly grading: AttemptGrading,
  ) {
    // One batch at a time, as progress writes: two batches never wait on each other's row locks.
    this.saves = batchedStatement<AnswerSave, { savedAt: Date | null }>(db, {
      name: 'quiz-save-answers',
      text: SAVE_ANSWERS,
      parameters: (s) => [
        s.attemptId,
        s.slot,
        s.response,
        s.at,
        s.grace,
        s.mark.grading,
        s.mark.fraction,
        s.mark.points,
      ],
      keyOf: (s) => `${s.attemptId} ${s.slot}`,
      concurrency: 1,
      maxSize: BATCH_SIZE,
    });
  }

  async overview(slug: string, activityId: string, auth: AuthContext): Promise<QuizOverview> {
    const { enrolment, quiz } = await this.quizOf(slug, activityId, auth);
    const attempts = await this.attemptsOf(enrolment, activityId);
    const now = attempts[0]?.serverNow ?? new Date();
    const availability = availabilityOf(quiz, now);
    const used = attempts.length;
    const allowed = quiz.settings.attemptsAllowed;
    const open = attempts.find((a) => a.status === 'open') ?? null;
    const cannotStart: CannotStart | null =
      availability !== 'open'
        ? availability
        : allowed !== null && used >= allowed
          ? 'no-attempts-left'
          : null;
    const summaries = attempts.map((a) => attemptSummary(a, quiz));
    const results = summaries.flatMap((s) => (s.result && s.result.score !== null ? [s.result] : []));
    const counting =
      quiz.settings.grade === 'latest'
        ? results.at(-1)
        : [...results].sort((a, b) => (b.score ?? 0) - (a.score ?? 0))[0];
    return {
      activityId,
      title: await this.quizzes.title(enrolment.versionId, activityId),
      settings: quiz.settings,
      questionCount: quiz.questionCount,
      maxPoints: quiz.maxPoints,
      availability,
      attemptsUsed: used,
      attemptsAllowed: allowed,
      canStart: open === null && cannotStart === null,
      cannotStart: open === null ? cannotStart : null,
      openAttemptId: open?.id ?? null,
      attempts: summaries,
      bestScore: counting?.score ?? null,
      passed:
        quiz.settings.grade === 'latest' ? counting?.passed === true : results.some((r) => r.passed === true),
      serverNow: now.toISOString(),
    };
  }

  /** Starts an attempt (created: true), or answers the open one. */
  async start(
    slug: string,
    activityId: string,
    auth: AuthContext,
  ): Promise<{ created: boolean; attempt: AttemptView }> {
    const { enrolment, quiz } = await this.quizOf(slug, activityId, auth);
    const now = new Date();
    const availability = availabilityOf(quiz, now);
    if (availability !== 'open') {
      throw new ProblemException({
        status: 403,
        type: ProblemType.Forbidden,
        detail:
          availability === 'not-yet'
            ? `This quiz opens at ${quiz.settings.availableFrom}.`
            : `This quiz closed at ${quiz.settings.availableUntil}.`,
        extensions: {
          availability,
          availableFrom: quiz.settings.availableFrom,
          availableUntil: quiz.settings.availableUntil,
        },
      });
    }
    let refusedByLimit = false;
    for (let round = 1; ; round++) {
      const open = (await this.attemptsOf(enrolment, activityId)).find((a) => a.status === 'open');
      if (open) return { created: false, attempt: await this.view(open.id, auth) };
      if (refusedByLimit) {
        throw conflict(`You have used all ${quiz.settings.attemptsAllowed} attempts at this quiz.`, {
          attemptsAllowed: quiz.settings.attemptsAllowed,
        });
      }
      try {
        const attemptId = await this.create(enrolment, activityId, quiz, auth);
        return { created: true, attempt: await this.view(attemptId, auth) };
      } catch (error) {
        const code = (error as { code?: string }).code;
        // Another start of the same learner won the race: answer its attempt.
        if (code === '23505' && round < 3) continue;
        // The limit refused this start's number, which may be the one after an attempt a start
        // running at the same time has just made: that attempt is the answer if it is open, and
        // only with none open are the attempts used up.
        if (code === '23514') {
          refusedByLimit = true;
          continue;
        }
        throw error;
      }
    }
  }

  /** The attempt with what the settings let its learner see now; one past its time is submitted first. */
  async view(attemptId: string, auth: AuthContext): Promise<AttemptView> {
    let attempt = await this.ownAttempt(attemptId, auth);
    if (this.grading.overdue(attempt, attempt.serverNow)) {
      await this.grading.submit(attemptId, true);
      attempt = await this.ownAttempt(attemptId, auth);
    }
    return this.present(attempt);
  }

  /** The attempt as its learner may see it now. */
  private async present(attempt: AttemptRecord): Promise<AttemptView> {
    const quiz = await this.quizzes.of(attempt);
    const [title, questions] = await Promise.all([
      this.quizzes.title(attempt.versionId, attempt.activityId),
      this.grading.questionsOf(attempt),
    ]);
    return attemptView(attempt, quiz, title, questions);
  }

  /** Saves one answer: one (batched) statement, the layout and question coming from memory. */
  async save(
    attemptId: string,
    slot: number,
    input: SaveAnswerRequest,
    auth: AuthContext,
  ): Promise<SaveAnswerResult> {
    const layout = await this.layouts.get(attemptId);
    if (!layout || layout.userId !== auth.userId) throw noAttempt(attemptId);
    const ref = layout.slots.get(slot);
    if (!ref) throw notFound(`Attempt ${attemptId} has no slot ${slot}.`);
    const question = await this.questions.body(ref);
    const checked = validateResponse(question, input.response);
    if (!checked.ok) {
      throw new ProblemException({
        status: 422,
        type: ProblemType.ValidationFailed,
        detail: `The response does not fit this ${question.type} question: ${checked.problem} Nothing was saved.`,
        errors: [{ field: 'response', message: checked.problem, in: 'body' }],
      });
    }
    const row = await this.saves.submit({
      attemptId,
      slot,
      response: checked.response === null ? null : JSON.stringify(checked.response),
      at: input.at,
      grace: this.grading.graceSeconds,
      mark: markOf(question, ref.maxPoints, checked.response),
    });
    if (row?.savedAt) return { slot, answeredAt: row.savedAt.toISOString() };
    // The save's own reading of the attempt is from before it waited on a submission's locks, so
    // why nothing was written is read again, in a statement that sees that submission.
    const [state] = (await this.db.query(SLOT_STATE, [
      attemptId,
      slot,
      this.grading.graceSeconds,
    ])) as SavedRow[];
    await this.refuseClosed(attemptId, state);
    if (state?.locked) throw conflict(`Slot ${slot} was checked: its answer can no longer change.`);
    // A newer answer (by device time) is stored already and stays.
    return { slot, answeredAt: (state?.storedAt ?? new Date()).toISOString() };
  }

  /** Immediate feedback: locks the slot and tells how its answer did. Idempotent. */
  async check(attemptId: string, slot: number, auth: AuthContext): Promise<SlotFeedback> {
    const attempt = await this.ownAttempt(attemptId, auth);
    const quiz = await this.quizzes.of(attempt);
    if (quiz.settings.feedback !== 'immediate') {
      throw conflict('This quiz gives feedback once an attempt is submitted, not answer by answer.', {
        feedbackTiming: quiz.settings.feedback,
      });
    }
    const stored = attempt.slots.find((s) => s.slot === slot);
    if (!stored) throw notFound(`Attempt ${attemptId} has no slot ${slot}.`);
    const question = await this.questions.body(stored);
    if (stored.locked) return slotFeedback(question, stored, quiz.settings.showCorrectAnswers);
    const checked = await this.db.transaction(async (tx) => {
      const [row] = (await tx.query(
        `SELECT status, deadline, now() AS now FROM quiz_attempt WHERE id = $1 FOR UPDATE`,
        [attemptId],
      )) as { status: 'open' | 'submitted'; deadline: Date | null; now: Date }[];
      if (!row || row.status !== 'open' || this.grading.overdue(row, row.now)) return null;
      const [[locked]] = (await tx.query(
        `UPDATE quiz_attempt_slot SET locked = true WHERE attempt_id = $1 AND slot = $2
         RETURNING response, grading, max_points::float8 AS "maxPoints"`,
        [attemptId, slot],
      )) as [[Pick<SlotRecord, 'response' | 'grading' | 'maxPoints'>], number];
      // Saves store their answer's mark; only an answer saved before they did has none yet.
      if (locked.grading === 'pending') {
        const mark = markOf(question, locked.maxPoints, locked.response);
        await tx.query(
          `UPDATE quiz_attempt_slot SET grading = $3, fraction = $4, points = $5 WHERE attempt_id = $1 AND slot = $2`,
          [attemptId, slot, mark.grading, mark.fraction, mark.points],
        );
      }
      return true;
    });
    if (!checked) {
      await this.refuseClosed(attemptId, null);
      throw conflict('This attempt is not open.');
    }
    const fresh = (await this.ownAttempt(attemptId, auth)).slots.find((s) => s.slot === slot)!;
    return slotFeedback(question, fresh, quiz.settings.showCorrectAnswers);
  }

  /**
   * Submits (idempotent: a submitted attempt answers as it is) and answers with the attempt's
   * summary and result, not its review (`view`): under a whole class submitting at the deadline,
   * rendering every question into each answer cost four times the grading itself.
   */
  async submit(attemptId: string, auth: AuthContext): Promise<AttemptSummary> {
    // Whose it is comes from memory (the layout), so a submit costs its share of one batched
    // transaction and nothing else.
    const layout = await this.layouts.get(attemptId);
    if (!layout || layout.userId !== auth.userId) throw noAttempt(attemptId);
    // Not open: submitted already (a double click, a retry, the sweeper) — answer it as stored.
    const attempt = (await this.grading.submit(attemptId, false)) ?? (await this.ownAttempt(attemptId, auth));
    return attemptSummary(attempt, await this.quizzes.of(attempt));
  }

  /**
   * An answer refused because the attempt is closed: when its time is up it is submitted now (if
   * the sweeper has not yet), and the learner told so.
   */
  private async refuseClosed(attemptId: string, row: SavedRow | null | undefined): Promise<void> {
    const [state] = row?.status
      ? [row]
      : ((await this.db.query(
          `SELECT status, deadline IS NOT NULL AND now() > deadline + make_interval(secs => $2) AS overdue
             FROM quiz_attempt WHERE id = $1`,
          [attemptId, this.grading.graceSeconds],
        )) as Pick<SavedRow, 'status' | 'overdue'>[]);
    if (!state) throw noAttempt(attemptId);
    if (state.status === 'open' && state.overdue) {
      await this.grading.submit(attemptId, true);
      throw conflict(
        'Time is up: the attempt was submitted with the answers saved before its deadline. Nothing was saved.',
        {
          attemptStatus: 'submitted',
        },
      );
    }
    if (state.status === 'submitted') {
      throw conflict('This attempt is submitted: its answers can no longer change.', {
        attemptStatus: 'submitted',
      });
    }
  }

  private async create(
    enrolment: LearnerEnrolment,
    activityId: string,
    quiz: FrozenQuiz,
    auth: AuthContext,
  ): Promise<string> {
    const picked = pickQuestions(quiz);
    const bodies = await this.questions.bodies(picked);
    const slots = picked.map((ref, index) => {
      const question = bodies.get(questionKey(ref))!;
      return {
        slot: index + 1,
        question_id: ref.questionId,
        version: ref.version,
        option_order: optionOrderFor(question, quiz.settings.shuffleOptions),
        max_points: ref.points ?? question.points,
        gradable: isGradable(question),
        ...markOf(question, ref.points ?? question.points, null),
      };
    });
    const maxPoints = slots.reduce((sum, s) => sum + (s.gradable ? s.max_points : 0), 0);
    if (slots.length === 0 || maxPoints <= 0) throw conflict('This quiz has no question that earns points.');
    return this.db.transaction(async (tx) => {
      const [created] = (await tx.query(START_ATTEMPT, [
        enrolment.enrolmentId,
        auth.userId,
        activityId,
        enrolment.versionId,
        quiz.settings.attemptsAllowed,
        quiz.settings.timeLimitMinutes,
        quiz.settings.availableUntil,
        maxPoints,
      ])) as { id: string }[];
      await tx.query(INSERT_SLOTS, [created!.id, JSON.stringify(slots)]);
      return created!.id;
    });
  }

  private async quizOf(slug: string, activityId: string, auth: AuthContext) {
    const enrolment = await this.learning.learnerEnrolment(auth.userId, slug);
    if (!enrolment) throw notFound(`You are not enrolled in a course "${slug}".`);
    const quiz = await this.quizzes.get(enrolment.versionId, activityId);
    if (!quiz) throw notFound(`There is no quiz ${activityId} in your version of this course.`);
    return { enrolment, quiz };
  }

  /** The learner's attempts at the quiz, oldest first; an open one past its time is submitted first. */
  private async attemptsOf(enrolment: LearnerEnrolment, activityId: string): Promise<AttemptRecord[]> {
    const read = () =>
      this.db.query(ATTEMPTS_OF_LEARNER, [enrolment.enrolmentId, activityId]) as Promise<AttemptRecord[]>;
    const attempts = await read();
    const overdue = attempts.find((a) => this.grading.overdue(a, a.serverNow));
    if (!overdue) return attempts;
    await this.grading.submit(overdue.id, true);
    return read();
  }

  private async ownAttempt(attemptId: string, auth: AuthContext): Promise<AttemptRecord> {
    const [attempt] = (await this.db.query(ATTEMPT_WITH_SLOTS, [attemptId])) as AttemptRecord[];
    if (!attempt || attempt.userId !== auth.userId) throw noAttempt(attemptId);
    return attempt;
  }
}
