import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { authoredCourse } from './course-facts.js';

export interface CertificateSettings {
  enabled: boolean;
  issueMode: 'automatic' | 'approval';
  validityMonths: number | null;
}

/** A course without a settings row gives certificates automatically, without expiry. */
export const DEFAULT_SETTINGS: CertificateSettings = {
  enabled: true,
  issueMode: 'automatic',
  validityMonths: null,
};

interface SettingsRow {
  enabled: boolean;
  issue_mode: CertificateSettings['issueMode'];
  validity_months: number | null;
}

const fromRow = (row: SettingsRow): CertificateSettings => ({
  enabled: row.enabled,
  issueMode: row.issue_mode,
  validityMonths: row.validity_months,
});

/** Per-course certificate settings: whether, how, and for how long certificates are given. */
@Injectable()
export class CertificateSettingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The course's settings, or the defaults when nobody has changed them. */
  async settingsFor(courseId: string, db: EntityManager = this.db.manager): Promise<CertificateSettings> {
    const rows: SettingsRow[] = await db.query(
      `SELECT enabled, issue_mode, validity_months FROM certificate_course_setting WHERE course_id = $1`,
      [courseId],
    );
    return rows[0] ? fromRow(rows[0]) : { ...DEFAULT_SETTINGS };
  }

  /** For the course's authors (404 otherwise). */
  async get(courseId: string, auth: AuthContext): Promise<CertificateSettings> {
    await authoredCourse(this.db.manager, courseId, auth);
    return this.settingsFor(courseId);
  }

  /** Replaces the settings; audited with what they were and what they became. */
  async save(
    courseId: string,
    settings: CertificateSettings,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<CertificateSettings> {
    return this.db.transaction(async (tx) => {
      const course = await authoredCourse(tx, courseId, auth);
      // In the transaction's own connection: another from the pool, while this one is held, could wait forever.
      const before = await this.settingsFor(courseId, tx);
      const rows: SettingsRow[] = await tx.query(
        `INSERT INTO certificate_course_setting (course_id, enabled, issue_mode, validity_months, updated_by)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (course_id) DO UPDATE SET enabled = EXCLUDED.enabled, issue_mode = EXCLUDED.issue_mode,
           validity_months = EXCLUDED.validity_months, updated_by = EXCLUDED.updated_by, updated_at = now()
         RETURNING enabled, issue_mode, validity_months`,
        [courseId, settings.enabled, settings.issueMode, settings.validityMonths, auth.userId],
      );
      const after = fromRow(rows[0]!);
      await this.audit.record(
        {
          action: 'certificate_settings.saved',
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'course', id: courseId },
          institutionId: course.institutionId,
          client,
          details: { before, after },
        },
        tx,
      );
      return after;
    });
  }
}
