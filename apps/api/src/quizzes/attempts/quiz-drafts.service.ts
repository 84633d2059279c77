import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { ProblemException } from '../../common/problem/problem.exception.js';
import { ProblemType, type FieldError } from '../../common/problem/problem-details.js';
import { CourseStatus } from '../../courses/course.entity.js';
import { archivedCourse, CoursesService, type ActivityPlace } from '../../courses/courses.service.js';
import { QuestionVersions } from '../bank/question-versions.service.js';
import { checkSettings, checkSlots, type QuizSettingsValue, type QuizSlotValue } from './quiz-settings.js';
import type { QuizDraftSlot, QuizDraftView, SaveQuizRequest } from './quiz-drafts.dto.js';
import { QUIZ_KIND } from './quiz.kind.js';

interface DraftRow {
  settings: QuizSettingsValue;
  slots: QuizSlotValue[];
  revision: number;
  updatedAt: Date;
}

/** Reading and saving a quiz's draft (settings and slots), for the authors of its course. */
@Injectable()
export class QuizDraftsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly courses: CoursesService,
    private readonly questions: QuestionVersions,
    private readonly audit: AuditService,
  ) {}

  async get(activityId: string, auth: AuthContext): Promise<QuizDraftView> {
    const place = await this.courses.activityPlace(activityId, auth, undefined, QUIZ_KIND);
    return this.view(await this.draft(this.db.manager, activityId, false), place, this.db.manager);
  }

  /**
   * Saves settings and slots when they are valid and based on the current revision; otherwise
   * nothing is written (422 naming the paths; 409 with the current draft).
   */
  async save(
    activityId: string,
    input: SaveQuizRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<QuizDraftView> {
    return this.db.transaction(async (tx) => {
      // Who may edit comes first: someone outside the course learns nothing from a 422.
      const place = await this.courses.activityPlace(activityId, auth, tx, QUIZ_KIND);
      if (place.courseStatus === CourseStatus.Archived) throw archivedCourse();
      const settings = checkSettings(input.settings);
      const slots = checkSlots(input.slots);
      const errors = [...settings.errors, ...slots.errors];
      if (errors.length > 0) throw invalid(errors);
      const current = await this.draft(tx, activityId, true);
      if (current.revision !== input.revision) {
        throw new ProblemException({
          status: 409,
          type: ProblemType.Conflict,
          detail: `Someone saved this quiz in the meantime (revision ${current.revision}, yours is ${input.revision}). Nothing was changed.`,
          errors: [{ field: 'revision', message: 'revision is not the current one', in: 'body' }],
          extensions: { current: await this.view(current, place, tx) },
        });
      }
      const bankErrors = await this.checkBank(tx, place.courseId, slots.value);
      if (bankErrors.length > 0) throw invalid(bankErrors);
      await tx.query(
        `UPDATE quiz_content SET settings = $2, slots = $3, revision = revision + 1, updated_at = now(), updated_by = $4
          WHERE activity_id = $1`,
        [activityId, JSON.stringify(settings.value), JSON.stringify(slots.value), auth.userId],
      );
      await this.audit.record(
        {
          action: 'quiz.saved',
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'activity', id: activityId },
          institutionId: place.institutionId,
          client,
          details: { courseId: place.courseId, revision: current.revision + 1, slots: slots.value.length },
        },
        tx,
      );
      return this.view(await this.draft(tx, activityId, false), place, tx);
    });
  }

  /** Fixed questions must be in this course's bank and not archived; a random draw's category must exist. */
  private async checkBank(
    tx: EntityManager,
    courseId: string,
    slots: QuizSlotValue[],
  ): Promise<FieldError[]> {
    const fixed = await this.questions.current(
      slots.flatMap((s) => (s.kind === 'question' ? [s.questionId] : [])),
      tx,
    );
    const pools = await this.questions.pools(
      slots.flatMap((s) => (s.kind === 'random' ? [{ courseId, category: s.category }] : [])),
      tx,
    );
    const errors: FieldError[] = [];
    slots.forEach((slot, index) => {
      if (slot.kind === 'question') {
        const question = fixed.get(slot.questionId);
        if (!question || question.courseId !== courseId) {
          errors.push({
            field: `slots[${index}].questionId`,
            message: "the question is not in this course's bank",
            in: 'body',
          });
        } else if (question.archived) {
          errors.push({
            field: `slots[${index}].questionId`,
            message: 'the question is archived',
            in: 'body',
          });
        }
      } else if (!pools.some((q) => q.category === slot.category)) {
        errors.push({
          field: `slots[${index}].category`,
          message: `the bank has no category "${slot.category}" with questions`,
          in: 'body',
        });
      }
    });
    return errors;
  }

  private async draft(manager: EntityManager, activityId: string, lock: boolean): Promise<DraftRow> {
    const [row] = (await manager.query(
      `SELECT settings, slots, revision, updated_at AS "updatedAt" FROM quiz_content WHERE activity_id = $1
       ${lock ? 'FOR UPDATE' : ''}`,
      [activityId],
    )) as DraftRow[];
    // Every quiz activity gets its row when it is created (onCreate), in the same transaction.
    if (!row) throw new Error(`quiz ${activityId} has no content row`);
    return row;
  }

  private async view(draft: DraftRow, place: ActivityPlace, manager: EntityManager): Promise<QuizDraftView> {
    const slots = Array.isArray(draft.slots) ? draft.slots : [];
    const fixedIds = new Set(slots.flatMap((s) => (s.kind === 'question' ? [s.questionId] : [])));
    const fixed = await this.questions.current([...fixedIds], manager);
    const pools = await this.questions.pools(
      slots.flatMap((s) => (s.kind === 'random' ? [{ courseId: place.courseId, category: s.category }] : [])),
      manager,
    );
    const views: QuizDraftSlot[] = slots.map((slot) => {
      if (slot.kind === 'random') {
        const available = pools.filter(
          (q) => q.category === slot.category && !fixedIds.has(q.questionId),
        ).length;
        return { ...slot, points: slot.points ?? null, available };
      }
      const q = fixed.get(slot.questionId);
      return {
        ...slot,
        points: slot.points ?? null,
        question: q
          ? {
              id: q.questionId,
              name: q.name,
              type: q.type,
              category: q.category,
              points: q.points,
              version: q.version,
              archived: q.archived,
            }
          : null,
      };
    });
    return {
      title: place.title,
      courseId: place.courseId,
      courseTitle: place.courseTitle,
      courseArchived: place.courseStatus === CourseStatus.Archived,
      institutionId: place.institutionId,
      settings: draft.settings,
      slots: views,
      questionCount: slots.reduce((n, s) => n + (s.kind === 'random' ? s.count : 1), 0),
      revision: draft.revision,
      updatedAt: new Date(draft.updatedAt).toISOString(),
    };
  }
}

function invalid(errors: FieldError[]): ProblemException {
  return new ProblemException({
    status: 422,
    type: ProblemType.ValidationFailed,
    detail: `The quiz is not valid: ${errors
      .slice(0, 3)
      .map((e) => `${e.field}: ${e.message}`)
      .join('; ')}${errors.length > 3 ? '; …' : '.'} Nothing was changed.`,
    errors,
  });
}
