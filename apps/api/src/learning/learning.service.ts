import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActivityKinds, type ReaderLanguage } from '../activities/activity-kinds.js';
import type { AuthContext } from '../auth/auth-context.js';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';
import { PublishedVersionsService, type VersionOutline } from '../courses/published-versions.service.js';
import { preparedQuery } from '../database/prepared-query.js';
import { CompletionService } from './completion.service.js';
import type {
  ActivityProgressView,
  ActivityStatus,
  ActivityView,
  LearningCourse,
  LearningCourseSummary,
  MyLearningList,
  ProgressSummary,
  ReadingPosition,
  RecordProgressRequest,
  RecordProgressResponse,
  ReflectionView,
  SaveReflectionRequest,
} from './learning.dto.js';
import { READER_LANGUAGES } from './learning.dto.js';
import { batchedStatement, type Batcher } from '../database/batcher.js';
import {
  ACTIVITY_ENROLMENT,
  COURSE_ENROLMENTS,
  COMPLETED_COUNT,
  MY_ENROLMENTS,
  RECORD_PROGRESS,
  SAVE_REFLECTION,
} from './learning-queries.js';
import { modulesJson, withModules, type JsonText } from './outline-json.js';
import { percentOf, resumePoint, summarize, type StatusById } from './progress-view.js';

interface EnrolmentRow {
  id: string;
  versionId: string;
  slug: string;
  enrolledAt: Date;
  completedAt: Date | null;
  lastActivityId: string | null;
  lastVisitedAt: Date | null;
  progress: [string, 'started' | 'completed'][];
}

interface ActivityEnrolmentRow {
  id: string;
  versionId: string;
  completedAt: Date | null;
  status: 'started' | 'completed' | null;
  position: ReadingPosition | null;
  activityCompletedAt: Date | null;
  reflections: { id: string; answer: string; writtenAt: string }[];
}

interface ProgressWrite {
  userId: string;
  slug: string;
  activityId: string;
  completed: boolean;
  /** JSON text, or null when the write carries no position. */
  position: string | null;
  at: string;
  /** The kinds whose activities complete themselves, space-separated. */
  selfCompleting: string;
}

interface WrittenProgress {
  enrolmentId: string | null;
  versionId: string;
  courseCompletedAt: Date | null;
  inVersion: boolean;
  refused: boolean;
  status: 'started' | 'completed' | null;
  position: ReadingPosition | null;
  completedAt: Date | null;
  statusBefore: string | null;
}

/** Concurrent requests' statements go out together (see Batcher); a batch holds at most this many. */
const BATCH_SIZE = 100;

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

const notEnrolled = (slug: string) =>
  new ProblemException({
    status: 404,
    type: ProblemType.NotFound,
    detail: `You are not enrolled in a course "${slug}".`,
  });

const notInVersion = (activityId: string) =>
  new ProblemException({
    status: 404,
    type: ProblemType.NotFound,
    detail: `There is no activity ${activityId} in your version of this course.`,
  });

/**
 * A learner's side of their courses: the outline with progress, each activity to read, progress
 * as they go and their private reflections. Everything is read from the version they are enrolled
 * on, and progress is kept by stable activity id so that it carries over to newer versions.
 */
@Injectable()
export class LearningService {
  private readonly courseEnrolments: Batcher<{ userId: string; slug: string }, EnrolmentRow | undefined>;
  private readonly progressWrites: Batcher<ProgressWrite, WrittenProgress | undefined>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly versions: PublishedVersionsService,
    private readonly kinds: ActivityKinds,
    private readonly completion: CompletionService,
  ) {
    // Reads do not lock, so several batches may run at once.
    this.courseEnrolments = batchedStatement<{ userId: string; slug: string }, EnrolmentRow>(db, {
      name: 'learning-courses',
      text: COURSE_ENROLMENTS,
      parameters: (item) => [item.userId, item.slug],
      concurrency: 4,
      maxSize: BATCH_SIZE,
    });
    // One batch at a time: two batches never wait on each other's row locks, and the writes that
    // arrive meanwhile share the next commit.
    this.progressWrites = batchedStatement<ProgressWrite, WrittenProgress>(db, {
      name: 'learning-progress',
      text: RECORD_PROGRESS,
      parameters: (w) => [w.userId, w.slug, w.activityId, w.completed, w.position, w.at, w.selfCompleting],
      keyOf: (w) => `${w.userId} ${w.slug} ${w.activityId}`,
      concurrency: 1,
      maxSize: BATCH_SIZE,
    });
  }

  async myLearning(auth: AuthContext): Promise<MyLearningList> {
    const rows = await preparedQuery<EnrolmentRow>(this.db, 'learning-mine', MY_ENROLMENTS, [auth.userId]);
    const outlines = await this.versions.outlines(rows.map((row) => row.versionId));
    return {
      items: rows.map((row) => this.summary(row, outlines.get(row.versionId)!, new Map(row.progress))),
    };
  }

  /** The outline with progress: one (batched) query, and one more the first time this version is read. */
  async course(slug: string, auth: AuthContext): Promise<JsonText<LearningCourse>> {
    const row = await this.courseEnrolments.submit({ userId: auth.userId, slug });
    if (!row) throw notEnrolled(slug);
    const outline = await this.versions.outline(row.versionId);
    const statuses = new Map(row.progress);
    const head: Omit<LearningCourse, 'modules'> = {
      ...this.summary(row, outline, statuses),
      outcomes: outline.course.outcomes,
      estimatedHours: outline.course.estimatedHours,
    };
    return withModules(head, modulesJson(outline, statuses));
  }

  async activity(
    slug: string,
    activityId: string,
    language: ReaderLanguage | undefined,
    auth: AuthContext,
  ): Promise<ActivityView> {
    const row = await this.activityEnrolment(slug, activityId, auth);
    const outline = await this.versions.outline(row.versionId);
    const at = outline.positions.get(activityId);
    if (at === undefined) throw notInVersion(activityId);
    const { activity, module } = outline.sequence[at]!;
    const presentation = await this.present(row.versionId, activityId, language ?? readerLanguage(auth));
    const neighbour = (i: number) => {
      const entry = outline.sequence[i];
      return entry ? { id: entry.activity.id, title: entry.activity.title } : null;
    };
    return {
      id: activity.id,
      kind: activity.kind,
      title: activity.title,
      required: activity.required,
      module: { id: module.id, title: module.title },
      course: { slug, title: outline.course.title, version: outline.number },
      content: presentation.content,
      progress: progressView(row.status, row.position, row.activityCompletedAt),
      reflections: row.reflections.filter((r) => presentation.reflections.includes(r.id)) as ReflectionView[],
      previous: neighbour(at - 1),
      next: neighbour(at + 1),
    };
  }

  /**
   * Idempotent: the same request twice leaves the same state, a late retry does not move the
   * reader back, and completion is never undone. Completing the last required activity completes
   * the course (once) and announces it.
   */
  async recordProgress(
    slug: string,
    activityId: string,
    input: RecordProgressRequest,
    auth: AuthContext,
  ): Promise<RecordProgressResponse> {
    const position = input.position
      ? { anchor: input.position.anchor ?? null, fraction: input.position.fraction }
      : null;
    const written = await this.progressWrites.submit({
      userId: auth.userId,
      slug,
      activityId,
      completed: input.completed === true,
      position: position === null ? null : JSON.stringify(position),
      at: input.at,
      selfCompleting: this.kinds.selfCompleting(),
    });
    if (!written?.enrolmentId) throw notEnrolled(slug);
    if (!written.inVersion) throw notInVersion(activityId);
    if (written.refused) {
      throw new ProblemException({
        status: 422,
        type: ProblemType.ValidationFailed,
        detail:
          'This activity completes itself (a quiz completes when an attempt meets its rules); it cannot be marked completed. Nothing was changed.',
        errors: [{ field: 'completed', message: 'completed cannot be set for this activity', in: 'body' }],
      });
    }
    if (written.status === null) throw notInVersion(activityId);
    const activity = { status: written.status, position: written.position, completedAt: written.completedAt };
    let courseCompletedAt = written.courseCompletedAt;
    let course: ProgressSummary | null = null;
    // Only a newly completed activity can change the course's progress: count then, not on every save.
    if (written.status === 'completed' && written.statusBefore !== 'completed') {
      const outline = await this.versions.outline(written.versionId);
      const required = outline.requiredIds;
      const [count] = await preparedQuery<{ completed: number }>(
        this.db,
        'learning-completed-count',
        COMPLETED_COUNT,
        [written.enrolmentId, required],
      );
      const completed = count?.completed ?? 0;
      course = { completed, required: required.length, percent: percentOf(completed, required.length) };
      if (courseCompletedAt === null && completed === required.length) {
        courseCompletedAt = await this.completion.complete(written.enrolmentId, required);
      }
    }
    return {
      activity: progressView(activity.status, activity.position, activity.completedAt),
      course,
      courseCompletedAt: iso(courseCompletedAt),
    };
  }

  /** Saves the learner's answer as they type; the newest by device time wins. */
  async saveReflection(
    slug: string,
    activityId: string,
    reflectionId: string,
    input: SaveReflectionRequest,
    auth: AuthContext,
  ): Promise<ReflectionView> {
    const row = await this.activityEnrolment(slug, activityId, auth);
    const outline = await this.versions.outline(row.versionId);
    if (!outline.positions.has(activityId)) throw notInVersion(activityId);
    const { reflections } = await this.present(row.versionId, activityId, 'en');
    if (!reflections.includes(reflectionId)) {
      throw new ProblemException({
        status: 404,
        type: ProblemType.NotFound,
        detail: `There is no reflection ${reflectionId} in this activity.`,
      });
    }
    const [saved] = await preparedQuery<{ answer: string }>(
      this.db,
      'learning-save-reflection',
      SAVE_REFLECTION,
      [row.id, reflectionId, activityId, input.answer, input.at],
    );
    // No row: a newer answer is stored already and stays.
    const answer =
      saved?.answer ?? row.reflections.find((r) => r.id === reflectionId)?.answer ?? input.answer;
    return { id: reflectionId, answer, writtenAt: input.at };
  }

  private async activityEnrolment(
    slug: string,
    activityId: string,
    auth: AuthContext,
  ): Promise<ActivityEnrolmentRow> {
    const [row] = await preparedQuery<ActivityEnrolmentRow>(
      this.db,
      'learning-activity',
      ACTIVITY_ENROLMENT,
      [auth.userId, slug, activityId],
    );
    if (!row) throw notEnrolled(slug);
    return row;
  }

  private async present(versionId: string, activityId: string, language: ReaderLanguage) {
    const stored = await this.versions.activityContent(versionId, activityId);
    const kind = stored && this.kinds.find(stored.kind);
    if (!stored || !kind) throw notInVersion(activityId);
    return kind.present(stored.content, { language, cacheKey: `${versionId}:${activityId}` });
  }

  private summary(row: EnrolmentRow, outline: VersionOutline, statuses: StatusById): LearningCourseSummary {
    return {
      slug: row.slug,
      title: outline.course.title,
      summary: outline.course.summary,
      language: outline.course.language,
      version: outline.number,
      enrolledAt: row.enrolledAt.toISOString(),
      completedAt: iso(row.completedAt),
      lastVisitedAt: iso(row.lastVisitedAt),
      progress: summarize(outline.requiredIds, statuses),
      resume: resumePoint(outline, statuses, row.lastActivityId),
    };
  }
}

function progressView(
  status: 'started' | 'completed' | null,
  position: ReadingPosition | null,
  completedAt: Date | null,
): ActivityProgressView {
  return { status: (status ?? 'not-started') as ActivityStatus, position, completedAt: iso(completedAt) };
}

function readerLanguage(auth: AuthContext): ReaderLanguage {
  return (READER_LANGUAGES as readonly string[]).includes(auth.preferredLanguage)
    ? (auth.preferredLanguage as ReaderLanguage)
    : 'en';
}
