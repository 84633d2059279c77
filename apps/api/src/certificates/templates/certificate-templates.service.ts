import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { ProblemException } from '../../common/problem/problem.exception.js';
import { ProblemType } from '../../common/problem/problem-details.js';
import { certificateStrings } from '../locales/certificate-strings.js';
import type { CertificateTemplateView, TemplateContent } from './certificate-template.js';
import { authoredCourse, courseFacts, type CourseFacts } from './course-facts.js';
import { TemplateContentRules } from './template-content-rules.js';
import { TEMPLATE_COLUMNS, TEMPLATE_FROM, templateView, type TemplateRow } from './template-rows.js';

const UNIQUE_VIOLATION = '23505';

const templateNotFound = (id: string) =>
  new ProblemException({
    status: 404,
    type: ProblemType.NotFound,
    detail: `There is no certificate template with id ${id}.`,
  });

const staleVersion = (expected: number, current: number) =>
  new ProblemException({
    status: 409,
    type: ProblemType.Conflict,
    detail:
      `The template was saved by someone else meanwhile: you edited version ${expected}, ` +
      `the current one is ${current}. Reload it and apply your changes again.`,
    extensions: { currentVersion: current },
  });

/**
 * A course's certificate templates: immutable, numbered versions. Saving inserts the next number,
 * and the (course_id, version) unique constraint settles two saves of the same version: one wins,
 * the other is told to reload (409). A course nobody has designed for gets a default, in the
 * course's language, the first time one is needed.
 */
@Injectable()
export class CertificateTemplatesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly rules: TemplateContentRules,
  ) {}

  /** The course's current version; inserts the default as version 1 if it has none. */
  async currentFor(courseId: string): Promise<CertificateTemplateView> {
    const current = await this.latest(this.db.manager, courseId);
    if (current) return current;
    const course = await courseFacts(this.db.manager, courseId);
    if (!course) {
      throw new ProblemException({
        status: 404,
        type: ProblemType.NotFound,
        detail: `There is no course with id ${courseId}.`,
      });
    }
    const wording = certificateStrings(course.language).defaultTemplate;
    // A concurrent first use inserts the same version 1: either row is the default.
    await this.db.query(
      `INSERT INTO certificate_template (course_id, version, title, body, language, orientation)
       VALUES ($1, 1, $2, $3, $4, 'landscape')
       ON CONFLICT (course_id, version) DO NOTHING`,
      [courseId, wording.title, wording.body, course.language],
    );
    return (await this.latest(this.db.manager, courseId))!;
  }

  /** One version by id, whatever the course: what an issued certificate was made with. */
  async find(templateId: string): Promise<CertificateTemplateView> {
    const rows: TemplateRow[] = await this.db.query(
      `SELECT ${TEMPLATE_COLUMNS} FROM ${TEMPLATE_FROM} WHERE t.id = $1`,
      [templateId],
    );
    if (!rows[0]) throw templateNotFound(templateId);
    return templateView(rows[0]);
  }

  /** For the course's authors (404 otherwise). */
  async current(courseId: string, auth: AuthContext): Promise<CertificateTemplateView> {
    await authoredCourse(this.db.manager, courseId, auth);
    return this.currentFor(courseId);
  }

  /** Every version, newest first, for the course's authors. */
  async versions(courseId: string, auth: AuthContext): Promise<CertificateTemplateView[]> {
    await authoredCourse(this.db.manager, courseId, auth);
    await this.currentFor(courseId);
    const rows: TemplateRow[] = await this.db.query(
      `SELECT ${TEMPLATE_COLUMNS} FROM ${TEMPLATE_FROM} WHERE t.course_id = $1 ORDER BY t.version DESC`,
      [courseId],
    );
    return rows.map(templateView);
  }

  /** Checks a template for a preview: the course's authors only, content as strict as saving. */
  async checkedForPreview(
    courseId: string,
    content: TemplateContent,
    auth: AuthContext,
  ): Promise<CourseFacts> {
    const course = await authoredCourse(this.db.manager, courseId, auth);
    await this.rules.check(content, course);
    return course;
  }

  /** Saves the next version if `expectedVersion` is still the current one (409 otherwise); audited. */
  async save(
    courseId: string,
    expectedVersion: number,
    content: TemplateContent,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<CertificateTemplateView> {
    const course = await authoredCourse(this.db.manager, courseId, auth);
    await this.rules.check(content, course);
    try {
      return await this.db.transaction(async (tx) => {
        const current = await this.latest(tx, courseId);
        const currentVersion = current?.version ?? 0;
        if (currentVersion !== expectedVersion) throw staleVersion(expectedVersion, currentVersion);
        const inserted: Array<{ id: string }> = await tx.query(
          `INSERT INTO certificate_template
             (course_id, version, title, body, language, orientation, logo_file_ids, signatories, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[], $8::jsonb, $9)
           RETURNING id`,
          [
            courseId,
            expectedVersion + 1,
            content.title,
            content.body,
            content.language,
            content.orientation,
            content.logoFileIds,
            JSON.stringify(content.signatories),
            auth.userId,
          ],
        );
        const id = inserted[0]!.id;
        await this.audit.record(
          {
            action: 'certificate_template.saved',
            actor: { id: auth.userId, email: auth.email },
            target: { type: 'course', id: courseId },
            institutionId: course.institutionId,
            client,
            details: { templateId: id, version: expectedVersion + 1 },
          },
          tx,
        );
        const rows: TemplateRow[] = await tx.query(
          `SELECT ${TEMPLATE_COLUMNS} FROM ${TEMPLATE_FROM} WHERE t.id = $1`,
          [id],
        );
        return templateView(rows[0]!);
      });
    } catch (error) {
      // Another save of the same version committed between our read and our insert.
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        const latest = await this.latest(this.db.manager, courseId);
        throw staleVersion(expectedVersion, latest?.version ?? expectedVersion + 1);
      }
      throw error;
    }
  }

  private async latest(db: EntityManager, courseId: string): Promise<CertificateTemplateView | null> {
    const rows: TemplateRow[] = await db.query(
      `SELECT ${TEMPLATE_COLUMNS} FROM ${TEMPLATE_FROM} WHERE t.course_id = $1 ORDER BY t.version DESC LIMIT 1`,
      [courseId],
    );
    return rows[0] ? templateView(rows[0]) : null;
  }
}
