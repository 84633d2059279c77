import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { ProblemException } from '../../common/problem/problem.exception.js';
import { ProblemType } from '../../common/problem/problem-details.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.token.js';
import { preparedQuery } from '../../database/prepared-query.js';
import { issuerIdentity } from '../keys/issuer-identity.js';
import { formatCode, normalizeCode } from '../issuing/certificate-code.js';
import { CertificatePdfs } from '../issuing/certificate-pdfs.service.js';
import { certificateRow } from '../issuing/certificate-row.js';
import { statusOf } from '../issuing/certificate-status.js';
import { RecentVerifications } from './recent-verifications.js';
import type { EnvelopedCredential, VerificationView } from './verification.dto.js';

/** Unknown, pending and declined codes all get this, so a code reveals nothing it should not. */
export const noSuchCertificate = () =>
  new ProblemException({
    status: 404,
    type: ProblemType.NotFound,
    detail: 'There is no certificate with this code.',
  });

interface VerifyRow {
  code: string;
  learnerName: string;
  courseTitle: string;
  institutionName: string;
  completedAt: Date;
  issuedAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  revocationReason: string | null;
  supersededAt: Date | null;
}

/** The public side of a certificate: its verification, its signed credential and its PDF, by code. */
@Injectable()
export class VerificationService {
  private readonly issuer: { name: string; url: string };

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly pdfs: CertificatePdfs,
    private readonly recent: RecentVerifications,
  ) {
    const { name, url } = issuerIdentity(config);
    this.issuer = { name, url };
  }

  /** From what this process read for the code in the last second, or one indexed lookup. */
  async verify(codeParam: string): Promise<VerificationView> {
    const code = normalizeCode(codeParam);
    if (!code) throw noSuchCertificate();
    const row = await this.recent.get(code, () => this.lookup(code));
    if (!row) throw noSuchCertificate();
    return {
      code: formatCode(row.code),
      status: statusOf(row),
      learnerName: row.learnerName,
      courseTitle: row.courseTitle,
      institutionName: row.institutionName,
      completedAt: row.completedAt.toISOString(),
      issuedAt: row.issuedAt.toISOString(),
      expiresAt: row.expiresAt?.toISOString() ?? null,
      revokedAt: row.revokedAt?.toISOString() ?? null,
      revocationReason: row.revocationReason,
      supersededAt: row.supersededAt?.toISOString() ?? null,
      issuer: this.issuer,
      credentialUrl: `/api/verify/${row.code}/credential`,
      pdfUrl: `/api/verify/${row.code}/pdf`,
    };
  }

  /** One indexed lookup by code, prepared once per connection: this route carries the load. */
  private async lookup(code: string): Promise<VerifyRow | null> {
    const [row] = await preparedQuery<VerifyRow>(
      this.db,
      'certificate_verify',
      `SELECT code, learner_name AS "learnerName", course_title AS "courseTitle",
              institution_name AS "institutionName", completed_at AS "completedAt", issued_at AS "issuedAt",
              expires_at AS "expiresAt", revoked_at AS "revokedAt",
              CASE WHEN revocation_reason_public THEN revocation_reason END AS "revocationReason",
              superseded_at AS "supersededAt"
         FROM certificate WHERE code = $1 AND state = 'issued'`,
      [code],
    );
    return row ?? null;
  }

  /** The signed credential as issued, whatever its status since (the status list says the rest). */
  async credential(codeParam: string): Promise<{ code: string; credential: EnvelopedCredential }> {
    const code = normalizeCode(codeParam);
    if (!code) throw noSuchCertificate();
    const [row] = await preparedQuery<{ jws: string | null }>(
      this.db,
      'certificate_credential',
      `SELECT credential_jws AS jws FROM certificate WHERE code = $1 AND state = 'issued'`,
      [code],
    );
    if (!row?.jws) throw noSuchCertificate();
    return {
      code,
      credential: {
        '@context': 'https://www.w3.org/ns/credentials/v2',
        id: `data:application/vc+jwt,${row.jws}`,
        type: 'EnvelopedVerifiableCredential',
      },
    };
  }

  async pdf(codeParam: string): Promise<{ code: string; pdf: Readable | Buffer }> {
    const code = normalizeCode(codeParam);
    if (!code) throw noSuchCertificate();
    const [found] = await preparedQuery<{ id: string }>(
      this.db,
      'certificate_pdf',
      `SELECT id FROM certificate WHERE code = $1 AND state = 'issued'`,
      [code],
    );
    const row = found ? await certificateRow(this.db.manager, found.id) : null;
    if (!row) throw noSuchCertificate();
    return { code, pdf: await this.pdfs.open(row) };
  }
}
