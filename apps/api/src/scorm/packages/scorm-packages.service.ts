import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { ProblemException } from '../../common/problem/problem.exception.js';
import { ProblemType } from '../../common/problem/problem-details.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.token.js';
import { CourseStatus } from '../../courses/course.entity.js';
import { archivedCourse, CoursesService } from '../../courses/courses.service.js';
import { takeFilePart, type UploadBody } from '../../files/upload-body.js';
import { cleanFileName } from '../../files/upload-rules.js';
import { RateLimiter } from '../../rate-limit/rate-limiter.service.js';
import { safeUnzip, UnzipError, type ExtractedFile, type UnzipProblemCode } from '../package/index.js';
import { readPackageManifest, type PackageProblem, type ScormManifest } from '../package/manifest/index.js';
import { readDraftView } from './scorm-draft-view.js';
import { copyPackageFolder } from './copy-package-folder.js';
import { receiveZip, type ReceivedZip } from './receive-zip.js';
import type { ScormDraftView, ScormPackageView } from './scorm-packages.dto.js';
import { SCORM_KIND } from './scorm.kind.js';
import { ScormStorage } from './scorm-storage.js';

/** Clients tell a refused package from other 422s by this type, and read `problems`. */
export const SCORM_PACKAGE_REFUSED = ProblemType.ScormPackageRefused;

/** What filling a package folder gives: its files, and the size and hash of what was received. */
interface FilledFolder {
  files: ExtractedFile[];
  bytes: number;
  sha256: string;
  originalName: string;
}

/** A manifest problem, or an unzip refusal (its code, and the zip entry at fault). */
type Refusal = PackageProblem | { severity: 'error'; code: UnzipProblemCode; detail: string; entry?: string };

const refused = (problems: Refusal[]) =>
  new ProblemException({
    status: 422,
    type: SCORM_PACKAGE_REFUSED,
    detail: `The zip is not a SCORM package that can be played: ${problems
      .filter((p) => p.severity === 'error')
      .map((p) => p.detail)
      .join(' ')}`,
    extensions: { problems },
  });

/**
 * Uploading SCORM packages to a scorm activity and reading its draft (ADR 0015, 0016). An upload
 * is streamed to a staging file, extracted into a fresh folder and checked; only a package that
 * can be played is recorded, and a refused or failed one leaves nothing on disk or in the database.
 */
@Injectable()
export class ScormPackagesService {
  private readonly logger = new Logger('ScormPackages');
  private readonly uploadsPerHour: number;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly courses: CoursesService,
    private readonly storage: ScormStorage,
    private readonly audit: AuditService,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.uploadsPerHour = config.UPLOADS_PER_HOUR;
  }

  /** The multipart parser's own hard stop, one byte past the limit so that "over" can be told. */
  get hardLimitBytes(): number {
    return this.storage.maxZipBytes + 1;
  }

  async draft(activityId: string, auth: AuthContext): Promise<ScormDraftView> {
    const place = await this.courses.activityPlace(activityId, auth, undefined, SCORM_KIND);
    const view = await readDraftView(this.db.manager, activityId);
    return {
      ...view,
      title: place.title,
      courseId: place.courseId,
      courseTitle: place.courseTitle,
      courseArchived: place.courseStatus === CourseStatus.Archived,
    };
  }

  async upload(
    activityId: string,
    body: UploadBody,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<ScormPackageView> {
    // Who may upload comes before a byte of the body is read.
    const place = await this.courses.activityPlace(activityId, auth, undefined, SCORM_KIND);
    if (place.courseStatus === CourseStatus.Archived) throw archivedCourse();
    // The same hourly budget as other uploads: a package costs far more disk and CPU than an image.
    const part = await takeFilePart(body, {
      limiter: this.limiter,
      userId: auth.userId,
      uploadsPerHour: this.uploadsPerHour,
      what: 'package',
    });
    const zip = await receiveZip(part.file, this.storage.stagingDir, this.storage.maxZipBytes);
    const originalName = cleanFileName(part.filename) || 'package.zip';
    try {
      return await this.keep(activityId, auth, client, async (folder) => ({
        files: await this.extract(zip, folder),
        bytes: zip.bytes,
        sha256: zip.sha256,
        originalName,
      }));
    } finally {
      await rm(zip.path, { force: true });
    }
  }

  /**
   * Imports a package folder that ships with the server (the demo seed's) exactly as an upload of
   * its zip would be: the same checks, the same record and audit event, the same refusal. Not
   * rate-limited, since no request brought it. With no zip, `zipBytes` is the files' total and
   * the hash covers the files' paths and contents.
   */
  async importFolder(
    activityId: string,
    source: string,
    originalName: string,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<ScormPackageView> {
    const place = await this.courses.activityPlace(activityId, auth, undefined, SCORM_KIND);
    if (place.courseStatus === CourseStatus.Archived) throw archivedCourse();
    return this.keep(activityId, auth, client, async (folder) => ({
      ...(await copyPackageFolder(source, folder, this.storage.unzipLimits)),
      originalName,
    }));
  }

  /**
   * Fills a fresh package folder, checks its manifest and, only if it can be played, records the
   * package and points the activity's draft at it. On any failure the folder is removed.
   */
  private async keep(
    activityId: string,
    auth: AuthContext,
    client: ClientInfo,
    fill: (folder: string) => Promise<FilledFolder>,
  ): Promise<ScormPackageView> {
    const packageId = randomUUID();
    const folder = this.storage.folderOf(packageId);
    try {
      await mkdir(folder);
      const { files, bytes, sha256, originalName } = await fill(folder);
      const check = await readPackageManifest(folder, files);
      if (!check.importable || !check.manifest?.organization) throw refused(check.problems);
      const manifest = check.manifest;
      const warnings = check.problems.filter((p) => p.severity === 'warning');
      return await this.db.transaction(async (tx) => {
        const current = await this.courses.activityPlace(activityId, auth, tx, SCORM_KIND);
        if (current.courseStatus === CourseStatus.Archived) throw archivedCourse();
        // One upload at a time per activity: the draft names whichever committed last.
        await tx.query(`SELECT 1 FROM scorm_content WHERE activity_id = $1 FOR UPDATE`, [activityId]);
        await tx.query(
          `INSERT INTO scorm_package (id, course_id, activity_id, scorm_version, title, original_name, zip_bytes,
                                      unpacked_bytes, file_count, sha256, manifest, warnings, uploaded_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [
            packageId,
            current.courseId,
            activityId,
            manifest.version,
            titleOf(manifest, originalName),
            originalName,
            bytes,
            files.reduce((sum, f) => sum + f.size, 0),
            files.length,
            sha256,
            JSON.stringify(manifest),
            JSON.stringify(warnings),
            auth.userId,
          ],
        );
        await tx.query(
          `UPDATE scorm_content SET package_id = $2, updated_at = now(), updated_by = $3 WHERE activity_id = $1`,
          [activityId, packageId, auth.userId],
        );
        await this.audit.record(
          {
            action: 'scorm.package_uploaded',
            actor: { id: auth.userId, email: auth.email },
            target: { type: 'activity', id: activityId },
            institutionId: current.institutionId,
            client,
            details: {
              courseId: current.courseId,
              packageId,
              scormVersion: manifest.version,
              zipBytes: bytes,
              fileCount: files.length,
              name: originalName,
            },
          },
          tx,
        );
        const view = await readDraftView(tx, activityId);
        return view.package!;
      });
    } catch (error) {
      await rm(folder, { recursive: true, force: true }).catch((cleanup: unknown) => {
        this.logger.error(`Could not remove ${folder} after a refused upload: ${String(cleanup)}`);
      });
      throw error;
    }
  }

  private async extract(zip: ReceivedZip, folder: string): Promise<ExtractedFile[]> {
    try {
      return await safeUnzip(zip.path, folder, this.storage.unzipLimits);
    } catch (error) {
      if (!(error instanceof UnzipError)) throw error;
      throw refused([
        {
          severity: 'error',
          code: error.code,
          detail: error.detail,
          ...(error.entry === null ? {} : { entry: error.entry }),
        },
      ]);
    }
  }
}

/** The organization's title as learners see it, else the manifest's, else the zip's name. */
function titleOf(manifest: ScormManifest, originalName: string): string {
  const title = manifest.organization?.title.trim() || manifest.identifier?.trim() || originalName;
  return title.slice(0, 500);
}
