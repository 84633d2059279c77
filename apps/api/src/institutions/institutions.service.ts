import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';
import {
  InstitutionPage,
  InstitutionSummary,
  type CreateInstitutionRequest,
  type InstitutionListQuery,
  type UpdateInstitutionRequest,
} from './institution.dto.js';
import { Institution, type InstitutionKind } from './institution.entity.js';

export interface InstitutionSeed {
  slug: string;
  name: string;
  country: string;
  kind: InstitutionKind;
}

@Injectable()
export class InstitutionsService {
  constructor(
    @InjectRepository(Institution) private readonly institutions: Repository<Institution>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The institution, or a 404 naming the id. Other modules call this before acting on one. */
  async get(id: string, manager: EntityManager = this.db.manager): Promise<Institution> {
    const found = await manager.getRepository(Institution).findOneBy({ id });
    if (!found) {
      throw new ProblemException({
        status: 404,
        type: ProblemType.NotFound,
        detail: `There is no institution with id ${id}.`,
      });
    }
    return found;
  }

  async create(
    input: CreateInstitutionRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<InstitutionSummary> {
    return this.db.transaction(async (tx) => {
      const created = await this.saveUnique(() => tx.getRepository(Institution).save({ ...input }));
      await this.audit.record(
        {
          action: 'institution.created',
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'institution', id: created.id },
          institutionId: created.id,
          client,
          details: { ...input },
        },
        tx,
      );
      return InstitutionSummary.from(created);
    });
  }

  async update(
    id: string,
    input: UpdateInstitutionRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<InstitutionSummary> {
    return this.db.transaction(async (tx) => {
      const repository = tx.getRepository(Institution);
      const before = await this.get(id, tx);
      const changes = Object.fromEntries(
        Object.entries(input).filter(
          ([key, value]) => value !== undefined && before[key as keyof Institution] !== value,
        ),
      );
      if (Object.keys(changes).length === 0) return InstitutionSummary.from(before);
      await this.saveUnique(() => repository.update(id, changes));
      await this.audit.record(
        {
          action: 'institution.updated',
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'institution', id },
          institutionId: id,
          client,
          details: {
            changes: Object.fromEntries(
              Object.entries(changes).map(([key, to]) => [
                key,
                { from: before[key as keyof Institution], to },
              ]),
            ),
          },
        },
        tx,
      );
      return InstitutionSummary.from(await this.get(id, tx));
    });
  }

  /** Runs a write; a clash on the slug's unique index becomes a 409 naming the field. */
  private async saveUnique<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        throw new ProblemException({
          status: 409,
          type: ProblemType.Conflict,
          detail: 'Another institution already uses this slug; choose another.',
          errors: [{ field: 'slug', message: 'slug is already taken', in: 'body' }],
        });
      }
      throw error;
    }
  }

  async list(query: InstitutionListQuery): Promise<InstitutionPage> {
    const [rows, total] = await this.institutions.findAndCount({
      where: query.country ? { country: query.country } : {},
      order: { country: 'ASC', name: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: rows.map(InstitutionSummary.from), page: query.page, pageSize: query.pageSize, total };
  }

  /** Names of the given institutions, by id, in one query. */
  async namesById(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.institutions.find({ select: { id: true, name: true }, where: { id: In(ids) } });
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  /** Creates the institution unless one with the slug exists; returns its id either way. */
  async ensure(seed: InstitutionSeed): Promise<{ id: string; created: boolean }> {
    const inserted = await this.institutions
      .createQueryBuilder()
      .insert()
      .values(seed)
      .orIgnore()
      .returning(['id'])
      .execute();
    const id = (inserted.raw as { id: string }[])[0]?.id;
    if (id) return { id, created: true };
    const found = await this.institutions.findOneByOrFail({ slug: seed.slug });
    return { id: found.id, created: false };
  }
}
