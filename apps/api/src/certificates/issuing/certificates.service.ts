import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { ClientInfo } from '../../auth/auth-context.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.token.js';
import { CertificateSettingsService } from '../templates/certificate-settings.service.js';
import { CertificateTemplatesService } from '../templates/certificate-templates.service.js';
import { courseFacts } from '../templates/course-facts.js';
import { newCertificateCode } from './certificate-code.js';
import { insertCertificate, nextStatusIndex } from './certificate-insert.js';
import { CertificatePdfs } from './certificate-pdfs.service.js';
import { certificateRow, liveCertificateId } from './certificate-row.js';
import { addMonths, CertificateSigner, wholeSeconds } from './certificate-signer.js';
import {
  cohortLearnerIds,
  cohortNamesOf,
  emailOf,
  enrolledLearnerIds,
  enrolmentOf,
  learnerCertificates,
  learnerNameOf,
} from './certificate-sources.query.js';
import { myView } from './certificate-views.js';
import type { MyCertificateList } from './certificates.dto.js';

export type IssueSource = 'automatic' | 'admin' | 'batch';

export interface IssueRequest {
  courseId: string;
  userId: string;
  source: IssueSource;
  actorId: string | null;
  reason: string | null;
  /**
   * The cohort the certificate names, when the caller has already read it (a batch reads its
   * chunk's at once); left out, the learner's own cohort for the course is read.
   */
  cohortName?: string | null;
  /** Where an administrator's request came from, for the audit log. */
  client?: ClientInfo;
}

export type IssueOutcome =
  | { outcome: 'issued'; certificateId: string; code: string }
  | { outcome: 'pending_approval'; certificateId: string }
  | { outcome: 'already_has_one'; certificateId: string }
  | { outcome: 'not_completed' }
  | { outcome: 'not_enrolled' }
  | { outcome: 'disabled' };

/**
 * Issuing certificates: for a learner who completed a course, a certificate whose contents are
 * copied in at issue, signed as an Open Badges 3.0 credential; its PDF is stored by whoever needs it
 * first (an administrator's route after the commit, the batch, or the first download). Safe to call twice for the same learner (the one-live-certificate index decides).
 * Used by the completion listener, the administrators' routes and the batch worker.
 */
@Injectable()
export class CertificatesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: CertificateSettingsService,
    private readonly templates: CertificateTemplatesService,
    private readonly signer: CertificateSigner,
    private readonly pdfs: CertificatePdfs,
    private readonly audit: AuditService,
  ) {}

  /**
   * Issues, or holds for approval when the course asks for it (an administrator issuing by hand
   * is the approval). Answers every expected refusal as an outcome, never by throwing.
   */
  async issue(request: IssueRequest): Promise<IssueOutcome> {
    const { courseId, userId } = request;
    const settings = await this.settings.settingsFor(courseId);
    if (!settings.enabled) return { outcome: 'disabled' };
    const enrolment = await enrolmentOf(this.db.manager, courseId, userId);
    if (!enrolment) return { outcome: 'not_enrolled' };
    if (!enrolment.completedAt) return { outcome: 'not_completed' };
    const existing = await liveCertificateId(this.db.manager, courseId, userId);
    if (existing) return { outcome: 'already_has_one', certificateId: existing };
    const [course, learnerName, template, cohortName] = await Promise.all([
      courseFacts(this.db.manager, courseId),
      learnerNameOf(this.db.manager, userId),
      this.templates.currentFor(courseId),
      request.cohortName !== undefined
        ? request.cohortName
        : this.cohortNameOf(this.db.manager, courseId, userId),
    ]);
    if (!course || !learnerName) return { outcome: 'not_enrolled' };
    const pending = settings.issueMode === 'approval' && request.source !== 'admin';
    const completedAt = enrolment.completedAt;

    return this.db.transaction(async (tx) => {
      const statusIndex = await nextStatusIndex(tx);
      const code = newCertificateCode();
      const issuedAt = wholeSeconds(new Date());
      const expiresAt = settings.validityMonths ? addMonths(issuedAt, settings.validityMonths) : null;
      const facts = {
        code,
        courseId,
        statusIndex,
        learnerName,
        courseTitle: course.title,
        courseHours: course.hours,
        institutionName: course.institutionName,
        cohortName,
        completedAt,
        issuedAt,
        expiresAt,
      };
      const signed = pending ? null : await this.signer.sign(facts, template, tx);
      const id = await insertCertificate(tx, {
        ...facts,
        userId,
        enrolmentId: enrolment.enrolmentId,
        templateId: template.id,
        state: pending ? 'pending' : 'issued',
        issueSource: request.source,
        issueReason: request.reason,
        language: template.language,
        issuedAt: pending ? null : issuedAt,
        issuedBy: pending ? null : request.actorId,
        expiresAt: pending ? null : expiresAt,
        kid: signed?.kid ?? null,
        credentialJws: signed?.jws ?? null,
      });
      if (!id) {
        // Another request issued it between our check and this insert.
        const winner = await liveCertificateId(tx, courseId, userId);
        return winner ? { outcome: 'already_has_one', certificateId: winner } : { outcome: 'not_enrolled' };
      }
      await this.audit.record(
        {
          // Held certificates are audited too: who later approves or declines one should be able to
          // see when and from what (a completion, a batch) it came to be waiting.
          action: pending ? 'certificate.held' : 'certificate.issued',
          actor: request.actorId
            ? { id: request.actorId, email: (await emailOf(tx, request.actorId)) ?? '' }
            : null,
          target: { type: 'certificate', id },
          institutionId: course.institutionId,
          client: request.client,
          details: {
            courseId,
            userId,
            ...(pending ? {} : { code }),
            source: request.source,
            reason: request.reason,
          },
        },
        tx,
      );
      if (pending) return { outcome: 'pending_approval', certificateId: id };
      return { outcome: 'issued', certificateId: id, code };
    });
  }

  /** Renders and stores the certificate's PDF if it is issued and has none yet. */
  async ensurePdf(certificateId: string): Promise<void> {
    const row = await certificateRow(this.db.manager, certificateId);
    if (!row || row.state !== 'issued') return;
    await this.pdfs.ensure(row);
  }

  /** The learner's own certificates, newest first, pending ones included. */
  async mine(userId: string): Promise<MyCertificateList> {
    const rows = await learnerCertificates(this.db.manager, userId);
    const now = new Date();
    return { items: rows.map((row) => myView(row, this.config, now)) };
  }

  /** Every learner enrolled in the course: a batch reports an outcome for each. */
  enrolledLearnerIds(courseId: string): Promise<string[]> {
    return enrolledLearnerIds(this.db.manager, courseId);
  }

  /** The members of a cohort, for a batch of that cohort: an outcome for each. */
  cohortLearnerIds(courseId: string, cohortId: string): Promise<string[]> {
    return cohortLearnerIds(this.db.manager, courseId, cohortId);
  }

  /** The cohort names certificates of the course would carry for these learners (see cohortNamesOf). */
  cohortNames(
    courseId: string,
    userIds: string[],
    onlyCohortId: string | null,
  ): Promise<Map<string, string>> {
    return cohortNamesOf(this.db.manager, courseId, userIds, onlyCohortId);
  }

  /** The learner's cohort for the course, or null; `db` is the caller's transaction when in one. */
  async cohortNameOf(db: EntityManager, courseId: string, userId: string): Promise<string | null> {
    return (await cohortNamesOf(db, courseId, [userId])).get(userId) ?? null;
  }
}
