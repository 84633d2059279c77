import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { ProblemException, type ProblemInit } from '../../common/problem/problem.exception.js';
import { ProblemType } from '../../common/problem/problem-details.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.token.js';
import { inScope, scopeOf } from '../../users/admin-scope.js';
import { CertificateSettingsService } from '../templates/certificate-settings.service.js';
import { CertificateTemplatesService } from '../templates/certificate-templates.service.js';
import { administeredCourse, CERTIFICATE_ADMIN_ROLES, courseFacts } from '../templates/course-facts.js';
import { newCertificateCode } from './certificate-code.js';
import { insertCertificate, nextStatusIndex } from './certificate-insert.js';
import { certificateRow, type CertificateRow } from './certificate-row.js';
import { addMonths, CertificateSigner, wholeSeconds } from './certificate-signer.js';
import { adminCertificate, adminCertificatePage, eligibleLearners } from './certificate-sources.query.js';
import { statusOf } from './certificate-status.js';
import { adminView } from './certificate-views.js';
import type {
  CertificateAdminPage,
  CertificateAdminView,
  CertificateListQuery,
  DeclineCertificateRequest,
  EligibleLearnerList,
  IssueCertificateRequest,
  ReissueCertificateRequest,
  RevokeCertificateRequest,
} from './certificates.dto.js';
import { RecentVerifications } from '../verification/recent-verifications.js';
import { CertificatesService } from './certificates.service.js';

const ELIGIBLE_LIMIT = 200;

/** The same answer for "does not exist" and "not yours", so certificate ids reveal nothing. */
const certificateNotFound = (id: string) =>
  new ProblemException({
    status: 404,
    type: ProblemType.NotFound,
    detail: `There is no certificate with id ${id} that you may manage.`,
  });

const conflict = (detail: string, extensions?: ProblemInit['extensions']) =>
  new ProblemException({ status: 409, type: ProblemType.Conflict, detail, extensions });

function assertPending(row: CertificateRow): void {
  if (row.state !== 'pending') throw conflict(`The certificate is ${row.state}, not pending approval.`);
}

/** Why a certificate cannot be revoked or re-issued, in the caller's words. */
function notInForce(row: CertificateRow, action: 'revoked' | 're-issued'): ProblemException {
  if (row.state !== 'issued')
    return conflict(`The certificate is ${row.state}, not issued, so it cannot be ${action}.`);
  if (row.revokedAt)
    return conflict(`The certificate was already revoked on ${row.revokedAt.toISOString()}.`);
  if (row.supersededAt)
    return conflict(`The certificate was superseded by a re-issue on ${row.supersededAt.toISOString()}.`);
  return conflict(`The certificate expired on ${row.expiresAt?.toISOString()}, so it cannot be ${action}.`);
}

/**
 * What a course's certificate administrators (its institution's admins, platform admins) do:
 * list, issue for one learner, approve or decline held certificates, revoke, re-issue after a
 * name correction. Every change is audited in its own transaction.
 */
@Injectable()
export class CertificateAdministration {
  private readonly logger = new Logger('Certificates');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly certificates: CertificatesService,
    private readonly settings: CertificateSettingsService,
    private readonly templates: CertificateTemplatesService,
    private readonly signer: CertificateSigner,
    private readonly audit: AuditService,
    private readonly recent: RecentVerifications,
  ) {}

  async list(
    courseId: string,
    query: CertificateListQuery,
    auth: AuthContext,
  ): Promise<CertificateAdminPage> {
    await administeredCourse(this.db.manager, courseId, auth);
    const { rows, total } = await adminCertificatePage(this.db.manager, courseId, query);
    const now = new Date();
    return {
      items: rows.map((row) => adminView(row, this.config, now)),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  async eligible(courseId: string, q: string | undefined, auth: AuthContext): Promise<EligibleLearnerList> {
    await administeredCourse(this.db.manager, courseId, auth);
    const rows = await eligibleLearners(this.db.manager, courseId, q, ELIGIBLE_LIMIT);
    return {
      items: rows.map((row) => ({ ...row, completedAt: row.completedAt?.toISOString() ?? null })),
    };
  }

  async issueFor(
    courseId: string,
    input: IssueCertificateRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<CertificateAdminView> {
    await administeredCourse(this.db.manager, courseId, auth);
    const result = await this.certificates.issue({
      courseId,
      userId: input.userId,
      source: 'admin',
      actorId: auth.userId,
      reason: input.reason,
      client,
    });
    switch (result.outcome) {
      case 'not_enrolled':
        throw new ProblemException({
          status: 404,
          type: ProblemType.NotFound,
          detail: `There is no learner with id ${input.userId} enrolled in this course.`,
        });
      case 'not_completed':
        throw new ProblemException({
          status: 422,
          type: ProblemType.ValidationFailed,
          detail: 'The learner has not completed the course, so no certificate can be issued yet.',
          errors: [{ field: 'userId', message: 'the learner has not completed the course', in: 'body' }],
        });
      case 'already_has_one':
        throw conflict(
          'The learner already has a certificate for this course; revoke it or re-issue it instead.',
          {
            certificateId: result.certificateId,
          },
        );
      case 'disabled':
        throw conflict(
          'Certificates are turned off for this course; turn them on in its certificate settings first.',
        );
      default:
        await this.pdfNow(result.certificateId);
        return this.view(result.certificateId);
    }
  }

  async approve(id: string, auth: AuthContext, client: ClientInfo): Promise<CertificateAdminView> {
    // Read before the transaction: a read on another pooled connection while holding one could
    // leave every connection waiting for a second under a burst of approvals.
    const { courseId, templateId } = await this.administered(id, auth);
    const settings = await this.settings.settingsFor(courseId);
    const template = await this.templates.find(templateId);
    await this.decide(id, auth, async (tx, row) => {
      assertPending(row);
      const issuedAt = wholeSeconds(new Date());
      const expiresAt = settings.validityMonths ? addMonths(issuedAt, settings.validityMonths) : null;
      // Held before cohorts existed, a certificate names the learner's cohort as of the approval.
      const cohortName = row.cohortName ?? (await this.certificates.cohortNameOf(tx, courseId, row.userId));
      const signed = await this.signer.sign({ ...row, cohortName, issuedAt, expiresAt }, template, tx);
      await tx.query(
        `UPDATE certificate SET state = 'issued', issued_at = $2, issued_by = $3, expires_at = $4, kid = $5,
                credential_jws = $6, cohort_name = $7 WHERE id = $1`,
        [id, issuedAt, auth.userId, expiresAt, signed.kid, signed.jws, cohortName],
      );
      await this.record(tx, 'certificate.approved', row, auth, client, {});
    });
    await this.pdfNow(id);
    return this.view(id);
  }

  async decline(
    id: string,
    input: DeclineCertificateRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<CertificateAdminView> {
    await this.decide(id, auth, async (tx, row) => {
      assertPending(row);
      await tx.query(
        `UPDATE certificate SET state = 'declined', declined_at = now(), declined_by = $2, decline_reason = $3
          WHERE id = $1`,
        [id, auth.userId, input.reason],
      );
      await this.record(tx, 'certificate.declined', row, auth, client, { reason: input.reason });
    });
    return this.view(id);
  }

  async revoke(
    id: string,
    input: RevokeCertificateRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<CertificateAdminView> {
    await this.decide(id, auth, async (tx, row) => {
      // An expired certificate may still be revoked: the status list should say so for good.
      if (row.state !== 'issued' || row.revokedAt || row.supersededAt) throw notInForce(row, 'revoked');
      await tx.query(
        `UPDATE certificate SET revoked_at = now(), revoked_by = $2, revocation_reason = $3,
                revocation_reason_public = $4 WHERE id = $1`,
        [id, auth.userId, input.reason, input.reasonPublic],
      );
      await this.record(tx, 'certificate.revoked', row, auth, client, {
        reason: input.reason,
        reasonPublic: input.reasonPublic,
        statusIndex: row.statusIndex,
      });
    });
    return this.view(id);
  }

  /**
   * A new certificate with the corrected name (new code, new signature, same completion and
   * expiry); the old one stays verifiable as superseded, pointing at the new one.
   */
  async reissue(
    id: string,
    input: ReissueCertificateRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<CertificateAdminView> {
    // Before the transaction, as for approvals: currentFor may insert the default template.
    const { courseId } = await this.administered(id, auth);
    const template = await this.templates.currentFor(courseId);
    const newId = await this.decide(id, auth, async (tx, old) => {
      if (statusOf(old) !== 'valid' || old.state !== 'issued') throw notInForce(old, 're-issued');
      const code = newCertificateCode();
      const issuedAt = wholeSeconds(new Date());
      const facts = {
        ...old,
        code,
        statusIndex: await nextStatusIndex(tx),
        learnerName: input.learnerName,
        // A correction keeps the cohort it named; one issued before cohorts existed gains today's.
        cohortName: old.cohortName ?? (await this.certificates.cohortNameOf(tx, old.courseId, old.userId)),
        issuedAt,
      };
      const signed = await this.signer.sign(facts, template, tx);
      // The old row must leave the one-live index before the new one enters it, and its
      // superseded_by must name an existing row: it names itself until the new row exists.
      await tx.query(`UPDATE certificate SET superseded_at = now(), superseded_by = id WHERE id = $1`, [id]);
      const created = await insertCertificate(tx, {
        ...facts,
        templateId: template.id,
        state: 'issued',
        issueSource: 'reissue',
        issueReason: input.reason,
        language: template.language,
        issuedBy: auth.userId,
        kid: signed.kid,
        credentialJws: signed.jws,
      });
      // Only possible if a pending certificate exists beside an issued one, which issuing prevents.
      if (!created) throw conflict('The learner has another live certificate for this course.');
      await tx.query(`UPDATE certificate SET superseded_by = $2 WHERE id = $1`, [id, created]);
      await this.record(tx, 'certificate.reissued', old, auth, client, {
        newCertificateId: created,
        code,
        learnerName: { from: old.learnerName, to: input.learnerName },
        reason: input.reason,
      });
      return created;
    });
    await this.pdfNow(newId);
    return this.view(newId);
  }

  /** The certificate's course if the caller administers it; 404 like an unknown id otherwise. */
  private async administered(id: string, auth: AuthContext): Promise<CertificateRow> {
    const row = await certificateRow(this.db.manager, id);
    const course = row ? await courseFacts(this.db.manager, row.courseId) : null;
    if (!row || !course || !inScope(scopeOf(auth, CERTIFICATE_ADMIN_ROLES), course.institutionId))
      throw certificateNotFound(id);
    return row;
  }

  /**
   * One decision on a certificate the caller administers, in a transaction holding the row's
   * lock: two decisions at once (a double click, two administrators) are taken in turn, and the
   * second sees what the first made of it. Once committed, this process's verification route
   * forgets the code at once (others within a second).
   */
  private async decide<T>(
    id: string,
    auth: AuthContext,
    decision: (tx: EntityManager, row: CertificateRow) => Promise<T>,
  ): Promise<T> {
    await this.administered(id, auth);
    let code: string | undefined;
    const result = await this.db.transaction(async (tx) => {
      const row = await certificateRow(tx, id, true);
      if (!row) throw certificateNotFound(id);
      code = row.code;
      return decision(tx, row);
    });
    if (code) this.recent.forget(code);
    return result;
  }

  private async record(
    tx: EntityManager,
    action: string,
    row: CertificateRow,
    auth: AuthContext,
    client: ClientInfo,
    details: Record<string, unknown>,
  ): Promise<void> {
    const course = await courseFacts(tx, row.courseId);
    await this.audit.record(
      {
        action,
        actor: { id: auth.userId, email: auth.email },
        target: { type: 'certificate', id: row.id },
        institutionId: course?.institutionId ?? null,
        client,
        details: { courseId: row.courseId, userId: row.userId, ...details },
      },
      tx,
    );
  }

  /** The PDF right after the commit, so the answer's link works at once; a failure is redrawn on download. */
  private async pdfNow(id: string): Promise<void> {
    try {
      await this.certificates.ensurePdf(id);
    } catch (error) {
      this.logger.error(`The PDF of certificate ${id} could not be stored: ${String(error)}`);
    }
  }

  private async view(id: string): Promise<CertificateAdminView> {
    const row = await adminCertificate(this.db.manager, id);
    if (!row) throw certificateNotFound(id);
    return adminView(row, this.config);
  }
}
