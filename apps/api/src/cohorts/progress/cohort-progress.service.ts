import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { CertificateStatusSummaries } from '../../certificates/issuing/certificate-status-summaries.service.js';
import { ProgressSummaries } from '../../learning/progress-summaries.service.js';
import { QuizResultSummaries } from '../../quizzes/attempts/quiz-result-summaries.service.js';
import { ScormStatusSummaries } from '../../scorm/runtime/scorm-status-summaries.service.js';
import type { Cohort } from '../cohort.entity.js';
import { coursesByIds, modulesOf } from '../cohort-sources.query.js';
import { CohortsService } from '../cohorts.service.js';
import type {
  CohortProgressPage,
  LearnerProgress,
  ProgressCsvQuery,
  ProgressQuery,
} from './cohort-progress.dto.js';
import {
  behindReason,
  standingOf,
  type CohortFacts,
  type Member,
  type Standing,
} from './learner-standing.js';
import { progressCsv } from './progress-csv.js';
import { countsOf, filterAndSort } from './progress-list.js';

/** Today as a calendar day in UTC: deadlines and end dates are days, compared as YYYY-MM-DD text. */
const todayUtc = (now = new Date()) => now.toISOString().slice(0, 10);

const group = <T extends { userId: string; courseId: string }>(rows: readonly T[]) => {
  const byUser = new Map<string, Map<string, T>>();
  for (const row of rows) {
    let courses = byUser.get(row.userId);
    if (!courses) byUser.set(row.userId, (courses = new Map()));
    courses.set(row.courseId, row);
  }
  return (userId: string) => byUser.get(userId) ?? new Map<string, T>();
};

/**
 * A cohort's progress dashboard: every member's standing across the cohort's courses, read from
 * the learning, quiz, SCORM and certificate modules in one query each, whatever the cohort's
 * size; filtered, sorted and paged here, since "behind" and the summary need every member anyway.
 */
@Injectable()
export class CohortProgressService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cohorts: CohortsService,
    private readonly learning: ProgressSummaries,
    private readonly quizzes: QuizResultSummaries,
    private readonly scorm: ScormStatusSummaries,
    private readonly certificates: CertificateStatusSummaries,
    private readonly audit: AuditService,
  ) {}

  async list(cohortId: string, query: ProgressQuery, auth: AuthContext): Promise<CohortProgressPage> {
    const cohort = await this.cohorts.getForStaff(cohortId, auth, 'read');
    const { standings } = await this.standings(cohort);
    const kept = filterAndSort(standings, query);
    const start = (query.page - 1) * query.pageSize;
    return {
      items: kept.slice(start, start + query.pageSize).map((s) => view(s, auth.preferredLanguage)),
      summary: countsOf(standings),
      page: query.page,
      pageSize: query.pageSize,
      total: kept.length,
    };
  }

  /** Every learner the filter keeps, as CSV in `language`; audited, since it carries personal data. */
  async csv(
    cohortId: string,
    query: ProgressCsvQuery,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<{ filename: string; body: string }> {
    const cohort = await this.cohorts.getForStaff(cohortId, auth, 'read');
    const { facts, standings } = await this.standings(cohort);
    const kept = filterAndSort(standings, query);
    const language = query.language ?? auth.preferredLanguage;
    const body = progressCsv(kept, facts, language);
    await this.audit.record({
      action: 'cohort_progress.exported',
      actor: { id: auth.userId, email: auth.email },
      target: { type: 'cohort', id: cohort.id },
      institutionId: cohort.institutionId,
      client,
      details: { rows: kept.length, status: query.status ?? null, q: query.q ?? null, language },
    });
    const slug =
      cohort.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'cohort';
    return { filename: `${slug}-progress-${todayUtc()}.csv`, body };
  }

  /** Every member's standing, by name; for the list, the CSV and choosing whom to remind. */
  async standings(cohort: Cohort): Promise<{ facts: CohortFacts; standings: Standing[] }> {
    const [facts, members] = await Promise.all([this.facts(cohort), this.members(cohort.id)]);
    const userIds = members.map((member) => member.userId);
    const courseIds = facts.courses.map((course) => course.id);
    const [enrolments, quizzes, scorm, certificates] = await Promise.all([
      this.learning.forLearners(userIds, courseIds),
      this.quizzes.forLearners(userIds, courseIds),
      this.scorm.forLearners(userIds, courseIds),
      this.certificates.forLearners(userIds, courseIds),
    ]);
    const enrolmentsOf = group(enrolments);
    const quizzesOf = group(quizzes);
    const scormOf = group(scorm);
    const certificatesOf = group(certificates.certificates);
    const certificateCourses = new Set(certificates.offeredCourseIds);
    const today = todayUtc();
    const standings = members.map((member) =>
      standingOf(
        member,
        facts,
        {
          enrolments: enrolmentsOf(member.userId),
          quizzes: quizzesOf(member.userId),
          scorm: new Map([...scormOf(member.userId)].map(([courseId, row]) => [courseId, row.status])),
          certificates: certificatesOf(member.userId),
          certificateCourses,
        },
        today,
      ),
    );
    return { facts, standings: filterAndSort(standings, { sort: 'name', order: 'asc' }) };
  }

  private async facts(cohort: Cohort): Promise<CohortFacts> {
    const manager = this.db.manager;
    const [courseRows, deadlineRows] = await Promise.all([
      manager.query(
        `SELECT course_id AS "courseId" FROM cohort_course WHERE cohort_id = $1 ORDER BY added_at, course_id`,
        [cohort.id],
      ) as Promise<{ courseId: string }[]>,
      manager.query(
        `SELECT course_id AS "courseId", module_id AS "moduleId", to_char(due_on, 'YYYY-MM-DD') AS "dueOn"
           FROM cohort_deadline WHERE cohort_id = $1`,
        [cohort.id],
      ) as Promise<{ courseId: string; moduleId: string; dueOn: string }[]>,
    ]);
    const courseIds = courseRows.map((row) => row.courseId);
    const [courses, modules] = await Promise.all([
      coursesByIds(manager, courseIds),
      deadlineRows.length > 0 ? modulesOf(manager, courseIds) : Promise.resolve([]),
    ]);
    const titles = new Map(courses.map((course) => [course.id, course.title]));
    const moduleTitles = new Map(modules.map((module) => [module.id, module.title]));
    return {
      endsOn: cohort.endsOn,
      courses: courseIds.flatMap((id) => {
        const title = titles.get(id);
        return title === undefined ? [] : [{ id, title }];
      }),
      deadlines: deadlineRows.map((row) => ({ ...row, moduleTitle: moduleTitles.get(row.moduleId) ?? '' })),
    };
  }

  /** The cohort's members, with what the accounts module publishes about them. */
  private async members(cohortId: string): Promise<Member[]> {
    return (await this.db.query(
      `SELECT m.user_id AS "userId", p.display_name AS "displayName", p.email,
              p.preferred_language AS language, p.status = 'active' AS active
         FROM cohort_member m JOIN account_principal p ON p.user_id = m.user_id
        WHERE m.cohort_id = $1`,
      [cohortId],
    )) as Member[];
  }
}

function view(standing: Standing, language: string): LearnerProgress {
  return {
    userId: standing.member.userId,
    displayName: standing.member.displayName,
    email: standing.member.email,
    status: standing.status,
    behind: standing.behind !== null,
    behindReason: behindReason(standing.behind, language),
    progressPercent: standing.progressPercent,
    lastActivityAt: standing.lastActivityAt?.toISOString() ?? null,
    courses: standing.courses,
  };
}
