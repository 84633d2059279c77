import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { FrameworkContentService } from './framework-content.service.js';
import { invalidFramework, staleVersion, versionNotFound, versionPublished } from './framework-problems.js';
import type { VersionStatus } from './framework-version.entity.js';
import { versionView } from './framework-views.js';
import type { SaveFrameworkVersionRequest, FrameworkVersionView } from './frameworks.dto.js';
import { contentErrors, publishErrors } from './version-content-rules.js';
import { replaceContent } from './version-content-writer.js';

interface LockedVersion {
  id: string;
  frameworkId: string;
  number: number;
  status: VersionStatus;
  revision: number;
}

/**
 * One framework version: read, and while it is a draft, replace its content, publish it or delete
 * it. A published version is frozen (409 `version-published`): assessments point at it and their
 * ratings at its statements, so changing the framework later never changes an assessment taken.
 */
@Injectable()
export class FrameworkVersionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly content: FrameworkContentService,
    private readonly audit: AuditService,
  ) {}

  async get(versionId: string): Promise<FrameworkVersionView> {
    const content = await this.content.content(versionId);
    if (!content) throw versionNotFound(versionId);
    return versionView(content);
  }

  async save(
    versionId: string,
    body: SaveFrameworkVersionRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<FrameworkVersionView> {
    await this.db.transaction(async (tx) => {
      const version = await this.lockDraft(tx, versionId, body.revision);
      const errors = await contentErrors(tx, body);
      if (errors.length > 0) throw invalidFramework(errors);
      await tx.query(
        `UPDATE dgca_framework_version
            SET language = $2, scale = $3::jsonb, revision = revision + 1, updated_at = now()
          WHERE id = $1`,
        [
          versionId,
          body.language,
          JSON.stringify(
            body.scale.map((level) => ({
              value: level.value,
              label: level.label,
              description: level.description ?? '',
            })),
          ),
        ],
      );
      await replaceContent(tx, versionId, body);
      await this.audit.record(
        {
          action: 'dgca_framework_version.updated',
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'dgca_framework_version', id: versionId },
          client,
          details: {
            frameworkId: version.frameworkId,
            number: version.number,
            revision: version.revision + 1,
            dimensions: body.dimensions.length,
            statements: body.dimensions.reduce((sum, dimension) => sum + dimension.statements.length, 0),
          },
        },
        tx,
      );
    });
    return this.get(versionId);
  }

  async publish(
    versionId: string,
    revision: number,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<FrameworkVersionView> {
    await this.db.transaction(async (tx) => {
      const version = await this.lockDraft(tx, versionId, revision);
      const content = await this.content.content(versionId, tx);
      const { errors, empty } = publishErrors(content!);
      if (errors.length > 0) throw invalidFramework(errors, empty ? 'framework-empty' : 'invalid-framework');
      await tx.query(
        `UPDATE dgca_framework_version
            SET status = 'published', published_at = now(), published_by = $2,
                revision = revision + 1, updated_at = now()
          WHERE id = $1`,
        [versionId, auth.userId],
      );
      await this.audit.record(
        {
          action: 'dgca_framework_version.published',
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'dgca_framework_version', id: versionId },
          client,
          details: { frameworkId: version.frameworkId, number: version.number },
        },
        tx,
      );
    });
    // Read after the commit: a published version is cached for good, so it must be the committed one.
    return this.get(versionId);
  }

  async remove(versionId: string, revision: number, auth: AuthContext, client: ClientInfo): Promise<void> {
    await this.db.transaction(async (tx) => {
      const version = await this.lockDraft(tx, versionId, revision);
      await tx.query(`DELETE FROM dgca_framework_version WHERE id = $1`, [versionId]);
      await this.audit.record(
        {
          action: 'dgca_framework_version.deleted',
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'dgca_framework_version', id: versionId },
          client,
          details: { frameworkId: version.frameworkId, number: version.number },
        },
        tx,
      );
    });
  }

  /** The draft, locked for the transaction; 404 / 409 `version-published` / 409 `stale-version` otherwise. */
  private async lockDraft(tx: EntityManager, versionId: string, revision: number): Promise<LockedVersion> {
    const [version] = (await tx.query(
      `SELECT id, framework_id AS "frameworkId", number, status, revision
         FROM dgca_framework_version WHERE id = $1 FOR UPDATE`,
      [versionId],
    )) as LockedVersion[];
    if (!version) throw versionNotFound(versionId);
    if (version.status === 'published') throw versionPublished(version.number);
    if (version.revision !== revision) throw staleVersion(revision, version.revision);
    return version;
  }
}
