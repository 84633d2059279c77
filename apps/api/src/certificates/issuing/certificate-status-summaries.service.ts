import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { formatCode } from './certificate-code.js';

export type CertificateSummaryStatus = 'none' | 'pending' | 'issued' | 'revoked' | 'expired';

export interface CertificateStatusSummary {
  userId: string;
  courseId: string;
  status: CertificateSummaryStatus;
  /** Shown only for an issued certificate (revoked or expired included), as printed. */
  code: string | null;
}

export interface CourseCertificateSummaries {
  /** Courses that give certificates now; a course that does not still shows certificates it gave. */
  offeredCourseIds: string[];
  /** Learners with a certificate (or one pending approval) in a course; the others have none. */
  certificates: CertificateStatusSummary[];
}

interface Row {
  courseId: string;
  offered: boolean;
  certificates: { userId: string; state: string; code: string; revoked: boolean; expired: boolean }[];
}

/**
 * Certificate standing of many learners in many courses at once, for dashboards (cohorts), in one
 * query: each learner's current certificate (the newest not replaced by a re-issue and not
 * declined), with whether the course gives certificates at all.
 */
@Injectable()
export class CertificateStatusSummaries {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async forLearners(
    userIds: readonly string[],
    courseIds: readonly string[],
  ): Promise<CourseCertificateSummaries> {
    if (courseIds.length === 0) return { offeredCourseIds: [], certificates: [] };
    const rows = (await this.db.query(
      `SELECT k.id AS "courseId", COALESCE(s.enabled, true) AS offered,
              COALESCE((SELECT json_agg(json_build_object(
                                 'userId', x.user_id, 'state', x.state, 'code', x.code,
                                 'revoked', x.revoked_at IS NOT NULL,
                                 'expired', x.expires_at IS NOT NULL AND x.expires_at <= now()))
                          FROM (SELECT DISTINCT ON (c.user_id) c.user_id, c.state, c.code, c.revoked_at, c.expires_at
                                  FROM certificate c
                                 WHERE c.course_id = k.id AND c.user_id = ANY($1::uuid[])
                                   AND c.superseded_at IS NULL AND c.state <> 'declined'
                                 ORDER BY c.user_id, c.created_at DESC) x), '[]') AS certificates
         FROM unnest($2::uuid[]) AS k(id)
         LEFT JOIN certificate_course_setting s ON s.course_id = k.id`,
      [userIds, courseIds],
    )) as Row[];
    return {
      offeredCourseIds: rows.filter((row) => row.offered).map((row) => row.courseId),
      certificates: rows.flatMap((row) =>
        row.certificates.map((c): CertificateStatusSummary => {
          if (c.state !== 'issued')
            return { userId: c.userId, courseId: row.courseId, status: 'pending', code: null };
          const status = c.revoked ? 'revoked' : c.expired ? 'expired' : 'issued';
          return { userId: c.userId, courseId: row.courseId, status, code: formatCode(c.code) };
        }),
      ),
    };
  }
}
