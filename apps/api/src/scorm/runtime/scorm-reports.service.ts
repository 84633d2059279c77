import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { AuditService } from '../../audit/audit.service.js';
import { PageQuery } from '../../common/pagination/page.dto.js';
import { ProblemException } from '../../common/problem/problem.exception.js';
import { ProblemType } from '../../common/problem/problem-details.js';
import { CoursesService } from '../../courses/courses.service.js';
import { FrozenScorms, SCORM_KIND } from './frozen-scorms.service.js';
import { attemptView, type AttemptRow } from './scorm-attempt-view.js';
import type { LatestAttempt } from './scorm-progress.service.js';
import { ScormProgress } from './scorm-progress.service.js';
import {
  ATTEMPTS_OF_ENROLMENT,
  ENROLMENT_OF_COURSE,
  RESET_ATTEMPTS,
  SCORM_LEARNERS,
} from './scorm-report-queries.js';
import type {
  ScormLearnerDetail,
  ScormLearnerPage,
  ScormResetResult,
  ScormScoAttempts,
} from './scorm-reports.dto.js';

interface LearnerRecord {
  enrolmentId: string;
  userId: string;
  displayName: string;
  email: string;
  versionId: string;
  completedAt: Date | null;
  latest: LatestAttempt[];
  attempts: number;
  totalSeconds: number;
  lastLaunchedAt: Date | null;
  total: number;
}

const iso = (date: Date | null) => (date === null ? null : new Date(date).toISOString());

const noLearner = (enrolmentId: string) =>
  new ProblemException({
    status: 404,
    type: ProblemType.NotFound,
    detail: `There is no learner ${enrolmentId} in this course.`,
  });

/**
 * What a scorm activity's trainers see of its learners (the course's authors, as for quiz
 * results; anyone else gets 404): status per learner rolled up by the sequencing engine, every
 * attempt with its runtime data, and resetting a learner's attempts (audited).
 */
@Injectable()
export class ScormReports {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly courses: CoursesService,
    private readonly scorms: FrozenScorms,
    private readonly progress: ScormProgress,
    private readonly audit: AuditService,
  ) {}

  async learners(activityId: string, query: PageQuery, auth: AuthContext): Promise<ScormLearnerPage> {
    const place = await this.courses.activityPlace(activityId, auth, undefined, SCORM_KIND);
    const rows = (await this.db.query(SCORM_LEARNERS, [
      place.courseId,
      activityId,
      query.pageSize,
      (query.page - 1) * query.pageSize,
    ])) as LearnerRecord[];
    const items = [];
    for (const row of rows) {
      const plan = await this.scorms.get(row.versionId, activityId);
      const root = plan ? this.progress.evaluate(plan, row.latest, row.enrolmentId).root : null;
      items.push({
        enrolmentId: row.enrolmentId,
        userId: row.userId,
        displayName: row.displayName,
        email: row.email,
        completion: root?.completion ?? 'not attempted',
        success: root?.success ?? 'unknown',
        scoreScaled: root?.scoreScaled ?? null,
        totalSeconds: row.totalSeconds,
        attempts: row.attempts,
        lastLaunchedAt: iso(row.lastLaunchedAt),
        completedAt: iso(row.completedAt),
      });
    }
    return { items, page: query.page, pageSize: query.pageSize, total: rows[0]?.total ?? 0 };
  }

  async learner(activityId: string, enrolmentId: string, auth: AuthContext): Promise<ScormLearnerDetail> {
    const place = await this.courses.activityPlace(activityId, auth, undefined, SCORM_KIND);
    const [enrolment] = (await this.db.query(ENROLMENT_OF_COURSE, [enrolmentId, place.courseId])) as {
      id: string;
      versionId: string;
      displayName: string;
      email: string;
    }[];
    if (!enrolment) throw noLearner(enrolmentId);
    const plan = await this.scorms.get(enrolment.versionId, activityId);
    const rows = (await this.db.query(ATTEMPTS_OF_ENROLMENT, [enrolmentId, activityId])) as AttemptRow[];
    // The package's SCOs in tree order (assets only when delivered), then ids no longer in it.
    const delivered = new Set(rows.map((row) => row.scoId));
    const bySco = new Map<string, ScormScoAttempts>();
    for (const item of plan?.launchable ?? []) {
      if (item.scormType === 'sco' || delivered.has(item.identifier)) {
        bySco.set(item.identifier, { identifier: item.identifier, title: item.title, attempts: [] });
      }
    }
    for (const row of rows) {
      let sco = bySco.get(row.scoId);
      if (!sco) {
        sco = { identifier: row.scoId, title: plan?.items.get(row.scoId)?.title ?? null, attempts: [] };
        bySco.set(row.scoId, sco);
      }
      sco.attempts.push(attemptView(row));
    }
    return {
      enrolmentId,
      displayName: enrolment.displayName,
      email: enrolment.email,
      scos: [...bySco.values()],
    };
  }

  async reset(
    activityId: string,
    enrolmentId: string,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<ScormResetResult> {
    const place = await this.courses.activityPlace(activityId, auth, undefined, SCORM_KIND);
    return this.db.transaction(async (tx) => {
      const [enrolment] = (await tx.query(ENROLMENT_OF_COURSE, [enrolmentId, place.courseId])) as {
        id: string;
      }[];
      if (!enrolment) throw noLearner(enrolmentId);
      const [ended] = (await tx.query(RESET_ATTEMPTS, [enrolmentId, activityId])) as [
        { id: string }[],
        number,
      ];
      await this.audit.record(
        {
          action: 'scorm.attempts_reset',
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'enrolment', id: enrolmentId },
          institutionId: place.institutionId,
          client,
          details: { activityId, courseId: place.courseId, attemptsEnded: ended.length },
        },
        tx,
      );
      return { reset: ended.length };
    });
  }
}
