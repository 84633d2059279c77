import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { FrameworkContentService } from './framework-content.service.js';
import {
  draftExists,
  frameworkNameTaken,
  frameworkNotFound,
  invalidFramework,
} from './framework-problems.js';
import { assessmentScope, frameworkSummaries, versionRows, versionView } from './framework-views.js';
import type {
  CreateFrameworkRequest,
  FrameworkList,
  FrameworkSummary,
  FrameworkView,
  UpdateFrameworkRequest,
  FrameworkVersionView,
} from './frameworks.dto.js';
import { copyContent } from './version-content-writer.js';

const UNIQUE_VIOLATION = '23505';

const isUniqueViolation = (error: unknown, constraint: string) =>
  (error as { code?: string }).code === UNIQUE_VIOLATION &&
  (error as { constraint?: string }).constraint === constraint;

/**
 * Frameworks as a whole: list, create (draft version 1, empty or copied), rename, and start a new
 * draft from the latest published version. Readable by every institution admin (they pick one for
 * an assessment); written by platform admins only, which the routes enforce.
 */
@Injectable()
export class FrameworksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly content: FrameworkContentService,
    private readonly audit: AuditService,
  ) {}

  async list(auth: AuthContext): Promise<FrameworkList> {
    return { items: await frameworkSummaries(this.db.manager, assessmentScope(auth)) };
  }

  async get(id: string, auth: AuthContext): Promise<FrameworkView> {
    const scope = assessmentScope(auth);
    const [summary] = await frameworkSummaries(this.db.manager, scope, id);
    if (!summary) throw frameworkNotFound(id);
    return { ...summary, versions: await versionRows(this.db.manager, scope, id) };
  }

  async create(
    body: CreateFrameworkRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<FrameworkSummary> {
    try {
      const id = await this.db.transaction(async (tx) => {
        if (body.copyFromVersionId) await this.assertVersionExists(tx, body.copyFromVersionId);
        const [framework] = (await tx.query(
          `INSERT INTO dgca_framework (name, description, created_by) VALUES ($1, $2, $3) RETURNING id`,
          [body.name, body.description ?? '', auth.userId],
        )) as { id: string }[];
        const [version] = (await tx.query(
          `INSERT INTO dgca_framework_version (framework_id, number, status, created_by)
           VALUES ($1, 1, 'draft', $2) RETURNING id`,
          [framework!.id, auth.userId],
        )) as { id: string }[];
        if (body.copyFromVersionId) await copyContent(tx, body.copyFromVersionId, version!.id);
        await this.audit.record(
          {
            action: 'dgca_framework.created',
            actor: { id: auth.userId, email: auth.email },
            target: { type: 'dgca_framework', id: framework!.id },
            client,
            details: { name: body.name, copyFromVersionId: body.copyFromVersionId ?? null },
          },
          tx,
        );
        return framework!.id;
      });
      const [summary] = await frameworkSummaries(this.db.manager, assessmentScope(auth), id);
      return summary!;
    } catch (error) {
      if (isUniqueViolation(error, 'dgca_framework_name_unique')) throw frameworkNameTaken(body.name);
      throw error;
    }
  }

  async update(
    id: string,
    body: UpdateFrameworkRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<FrameworkView> {
    try {
      await this.db.transaction(async (tx) => {
        const [before] = (await tx.query(
          `SELECT name, description FROM dgca_framework WHERE id = $1 FOR UPDATE`,
          [id],
        )) as { name: string; description: string }[];
        if (!before) throw frameworkNotFound(id);
        const changed: Record<string, { from: string; to: string }> = {};
        if (body.name !== undefined && body.name !== before.name)
          changed.name = { from: before.name, to: body.name };
        if (body.description !== undefined && body.description !== before.description)
          changed.description = { from: before.description, to: body.description };
        if (Object.keys(changed).length === 0) return;
        await tx.query(
          `UPDATE dgca_framework SET name = $2, description = $3, updated_at = now() WHERE id = $1`,
          [id, body.name ?? before.name, body.description ?? before.description],
        );
        await this.audit.record(
          {
            action: 'dgca_framework.updated',
            actor: { id: auth.userId, email: auth.email },
            target: { type: 'dgca_framework', id },
            client,
            details: changed,
          },
          tx,
        );
      });
    } catch (error) {
      if (isUniqueViolation(error, 'dgca_framework_name_unique')) throw frameworkNameTaken(body.name ?? '');
      throw error;
    }
    this.content.forgetFramework(id);
    return this.get(id, auth);
  }

  /** A new draft copying the latest published version (or empty when none is published). */
  async startDraft(id: string, auth: AuthContext, client: ClientInfo): Promise<FrameworkVersionView> {
    const versionId = await this.db.transaction(async (tx) => {
      const [framework] = (await tx.query(`SELECT id FROM dgca_framework WHERE id = $1 FOR UPDATE`, [
        id,
      ])) as {
        id: string;
      }[];
      if (!framework) throw frameworkNotFound(id);
      const versions = (await tx.query(
        `SELECT id, number, status FROM dgca_framework_version WHERE framework_id = $1 ORDER BY number DESC`,
        [id],
      )) as { id: string; number: number; status: string }[];
      const draft = versions.find((version) => version.status === 'draft');
      if (draft) throw draftExists(draft.id, draft.number);
      const source = versions.find((version) => version.status === 'published');
      const number = (versions[0]?.number ?? 0) + 1;
      const [created] = (await tx.query(
        `INSERT INTO dgca_framework_version (framework_id, number, status, created_by)
         VALUES ($1, $2, 'draft', $3) RETURNING id`,
        [id, number, auth.userId],
      )) as { id: string }[];
      if (source) await copyContent(tx, source.id, created!.id);
      await this.audit.record(
        {
          action: 'dgca_framework_version.created',
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'dgca_framework_version', id: created!.id },
          client,
          details: { frameworkId: id, number, copiedFrom: source?.id ?? null },
        },
        tx,
      );
      return created!.id;
    });
    return versionView((await this.content.content(versionId))!);
  }

  private async assertVersionExists(tx: EntityManager, versionId: string): Promise<void> {
    const [row] = (await tx.query(`SELECT id FROM dgca_framework_version WHERE id = $1`, [versionId])) as {
      id: string;
    }[];
    if (!row)
      throw invalidFramework(
        [{ field: 'copyFromVersionId', message: `there is no framework version ${versionId}`, in: 'body' }],
        'version-not-found',
      );
  }
}
