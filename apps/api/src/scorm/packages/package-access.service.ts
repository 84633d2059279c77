import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../auth/auth-context.js';
import { mayAuthorIn } from '../../courses/course-scope.js';
import { PublishedVersionsService } from '../../courses/published-versions.service.js';
import { ActivityCompletion } from '../../learning/activity-completion.service.js';
import { SCORM_KIND } from './scorm.kind.js';

/** Short: a SCO page loads dozens of files at once, and losing access may take this long to show. */
const KEEP_MS = 30_000;
const MAX_ENTRIES = 10_000;

/**
 * Who may read a package's files: a learner enrolled on a course version that plays it, and the
 * authors of a course whose draft (or that it was uploaded to) names it, for previews. Only
 * grants are kept, per person and package, for half a minute.
 */
@Injectable()
export class PackageAccess {
  private readonly granted = new Map<string, number>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly versions: PublishedVersionsService,
    private readonly completion: ActivityCompletion,
  ) {}

  async mayRead(auth: AuthContext, packageId: string): Promise<boolean> {
    const key = `${auth.userId} ${packageId}`;
    const until = this.granted.get(key);
    if (until !== undefined && until > Date.now()) return true;
    this.granted.delete(key);
    const allowed = (await this.mayPreview(auth, packageId)) || (await this.plays(auth.userId, packageId));
    if (allowed) {
      if (this.granted.size >= MAX_ENTRIES) this.granted.delete(this.granted.keys().next().value as string);
      this.granted.set(key, Date.now() + KEEP_MS);
    }
    return allowed;
  }

  /** Authors of the course it was uploaded to, or of any course whose draft plays it (a duplicate). */
  private async mayPreview(auth: AuthContext, packageId: string): Promise<boolean> {
    const rows = (await this.db.query(
      `SELECT c.institution_id AS "institutionId"
         FROM scorm_package p JOIN course c ON c.id = p.course_id WHERE p.id = $1
       UNION
       SELECT c.institution_id
         FROM scorm_content s JOIN activity a ON a.id = s.activity_id
         JOIN course_module m ON m.id = a.module_id JOIN course c ON c.id = m.course_id
        WHERE s.package_id = $1`,
      [packageId],
    )) as { institutionId: string }[];
    return rows.some((row) => mayAuthorIn(auth, row.institutionId));
  }

  private async plays(userId: string, packageId: string): Promise<boolean> {
    const versionIds = await this.completion.enrolledVersionIds(userId);
    return this.versions.anyActivityContent(versionIds, SCORM_KIND, 'packageId', packageId);
  }
}
