import { Injectable } from '@nestjs/common';
import {
  loadCourses,
  loadQuestionBank,
  scormPackageDir,
  type Course as ContentCourse,
} from '@archipelago/content';
import { InstitutionRole } from '../accounts/membership.entity.js';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import { CourseLanguage, EnrolmentMode } from '../courses/course.entity.js';
import { CoursesService } from '../courses/courses.service.js';
import { OutlineService } from '../courses/outline.service.js';
import { PublishingService } from '../courses/publishing.service.js';
import { LessonsService } from '../lessons/lessons.service.js';
import { QuizDraftsService } from '../quizzes/attempts/quiz-drafts.service.js';
import { QuestionGiftService } from '../quizzes/bank/question-gift.service.js';
import { ScormPackagesService } from '../scorm/packages/scorm-packages.service.js';
import { DEMO_QUIZZES, type SeedQuiz } from './demo-quizzes.js';
import { DEMO_SCORM_PACKAGES, type SeedScorm } from './demo-scorm.js';
import { seedModules } from './shipped-courses.js';

/** Whose name the seeded courses carry in the audit log: the demo trainer of the owning centre. */
export interface SeedAuthor {
  userId: string;
  email: string;
  displayName: string;
  institutionId: string;
  institutionName: string;
}

const SEED_CLIENT: ClientInfo = { ip: '127.0.0.1', userAgent: 'archipelago-seed' };

/**
 * Loads the courses of @archipelago/content through the same services the studio uses (so they are
 * validated, revisioned and audited like any course), as the demo trainer, and publishes them as
 * version 1 so that the demo catalogue has something to learn. A course whose slug exists is left
 * alone, so authors' edits survive a second seed.
 */
@Injectable()
export class CourseSeeder {
  constructor(
    private readonly courses: CoursesService,
    private readonly outline: OutlineService,
    private readonly lessons: LessonsService,
    private readonly publishing: PublishingService,
    private readonly gift: QuestionGiftService,
    private readonly quizzes: QuizDraftsService,
    private readonly scorm: ScormPackagesService,
  ) {}

  async run(author: SeedAuthor, courses: ContentCourse[] = loadCourses()): Promise<number> {
    const auth = authorContext(author);
    let created = 0;
    for (const course of courses) {
      if (await this.courses.exists(course.slug)) continue;
      await this.load(course, auth, author.institutionId);
      created += 1;
    }
    return created;
  }

  private async load(course: ContentCourse, auth: AuthContext, institutionId: string): Promise<void> {
    const { id, revision } = await this.build(course, auth, institutionId);
    await this.publishing.publish(
      id,
      { revision, changeLog: 'First version, as shipped with Archipelago.' },
      auth,
      SEED_CLIENT,
    );
  }

  private async build(
    course: ContentCourse,
    auth: AuthContext,
    institutionId: string,
  ): Promise<{ id: string; revision: number }> {
    // Convert every module first: a content error stops the seed before anything is written.
    const modules = seedModules(course);
    const detail = await this.courses.create(
      {
        slug: course.slug,
        title: course.title,
        summary: course.summary,
        language: course.language as CourseLanguage,
        institutionId,
        enrolmentMode: course.enrolment as EnrolmentMode,
        toolkit: course.toolkit,
        outcomes: course.outcomes,
        estimatedHours: course.estimatedHours,
        topics: course.topics,
        sdgs: course.sdgs,
      },
      auth,
      SEED_CLIENT,
    );
    let revision = detail.revision;
    const quizzes = DEMO_QUIZZES.filter((quiz) => quiz.courseSlug === course.slug);
    for (const bank of new Set(quizzes.map((quiz) => quiz.bank))) {
      await this.gift.import(detail.id, { gift: loadQuestionBank(bank) }, auth, SEED_CLIENT);
    }
    for (const [index, module] of modules.entries()) {
      const { lessons, ...fields } = module;
      const added = await this.outline.addModule(detail.id, { revision, ...fields }, auth, SEED_CLIENT);
      revision = added.course.revision;
      for (const lesson of lessons) {
        const activity = await this.outline.addActivity(
          detail.id,
          added.id,
          { revision, kind: 'lesson', title: lesson.title },
          auth,
          SEED_CLIENT,
        );
        revision = activity.course.revision;
        await this.lessons.save(
          activity.id,
          { document: { ...lesson.document }, revision: 1 },
          auth,
          SEED_CLIENT,
        );
      }
      for (const quiz of quizzes.filter((q) => q.module === index + 1)) {
        revision = await this.addQuiz(detail.id, added.id, revision, quiz, auth);
      }
      for (const scorm of DEMO_SCORM_PACKAGES.filter(
        (p) => p.courseSlug === course.slug && p.module === index + 1,
      )) {
        revision = await this.addScorm(detail.id, added.id, revision, scorm, auth);
      }
    }
    return { id: detail.id, revision };
  }

  /** Adds the quiz at the end of the module and sets it up; answers the course's new revision. */
  private async addQuiz(
    courseId: string,
    moduleId: string,
    revision: number,
    quiz: SeedQuiz,
    auth: AuthContext,
  ): Promise<number> {
    const activity = await this.outline.addActivity(
      courseId,
      moduleId,
      { revision, kind: 'quiz', title: quiz.title },
      auth,
      SEED_CLIENT,
    );
    const draft = await this.quizzes.get(activity.id, auth);
    await this.quizzes.save(
      activity.id,
      { revision: draft.revision, settings: { ...draft.settings, ...quiz.settings }, slots: quiz.slots },
      auth,
      SEED_CLIENT,
    );
    return activity.course.revision;
  }

  /**
   * Adds the scorm activity at the end of the module and imports its package the way an upload
   * is imported (checked, recorded, audited); answers the course's new revision.
   */
  private async addScorm(
    courseId: string,
    moduleId: string,
    revision: number,
    scorm: SeedScorm,
    auth: AuthContext,
  ): Promise<number> {
    const activity = await this.outline.addActivity(
      courseId,
      moduleId,
      { revision, kind: 'scorm', title: scorm.title },
      auth,
      SEED_CLIENT,
    );
    await this.scorm.importFolder(
      activity.id,
      scormPackageDir(scorm.package),
      `${scorm.package}.zip`,
      auth,
      SEED_CLIENT,
    );
    return activity.course.revision;
  }
}

function authorContext(author: SeedAuthor): AuthContext {
  return {
    userId: author.userId,
    email: author.email,
    displayName: author.displayName,
    preferredLanguage: 'en',
    isPlatformAdmin: false,
    emailVerified: true,
    country: null,
    department: null,
    jobTitle: null,
    memberships: [
      {
        institutionId: author.institutionId,
        institutionName: author.institutionName,
        role: InstitutionRole.Trainer,
      },
    ],
    via: 'session',
  };
}
