import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { ClientInfo } from '../auth/auth-context.js';
import { AuditEventPage, AuditEventView, type AuditEventQuery } from './audit.dto.js';
import { AuditEvent } from './audit-event.entity.js';

export interface AuditEntry {
  action: string;
  actor?: { id: string | null; email: string } | null;
  target?: { type: string; id: string };
  institutionId?: string | null;
  client?: ClientInfo;
  details?: Record<string, unknown>;
}

/** A UTF-16 surrogate without its pair: JSON may carry it ("\\ud800"), but PostgreSQL's jsonb refuses it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Details as jsonb takes them: a request's text may hold a lone surrogate (a text column stores it
 * as U+FFFD), and the audit entry must not turn that into a 500; it gets U+FFFD too.
 */
const storable = (details: Record<string, unknown>): Record<string, unknown> =>
  JSON.parse(JSON.stringify(details), (_key, value: unknown) =>
    typeof value === 'string' ? value.replace(LONE_SURROGATE, '\uFFFD') : value,
  ) as Record<string, unknown>;

const toRow = (entry: AuditEntry): QueryDeepPartialEntity<AuditEvent> => ({
  action: entry.action,
  actorId: entry.actor?.id ?? null,
  actorEmail: entry.actor?.email ?? null,
  targetType: entry.target?.type ?? null,
  targetId: entry.target?.id ?? null,
  institutionId: entry.institutionId ?? null,
  ip: entry.client?.ip ?? null,
  userAgent: entry.client?.userAgent ?? null,
  details: storable(entry.details ?? {}) as QueryDeepPartialEntity<AuditEvent>['details'],
});

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  /** Records an event; pass the transaction's manager so the event commits or rolls back with the change. */
  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    const repository = manager ? manager.getRepository(AuditEvent) : this.events;
    await repository.insert(toRow(entry));
  }

  /** Records several events in one statement (bulk work such as an import), in the caller's transaction. */
  async recordMany(entries: readonly AuditEntry[], manager: EntityManager): Promise<void> {
    const repository = manager.getRepository(AuditEvent);
    for (let start = 0; start < entries.length; start += 1000) {
      await repository.insert(entries.slice(start, start + 1000).map(toRow));
    }
  }

  /** Every event a person caused, oldest first: part of their data download. */
  async eventsBy(actorId: string): Promise<AuditEventView[]> {
    const rows = await this.events.find({ where: { actorId }, order: { id: 'ASC' } });
    return rows.map(AuditEventView.from);
  }

  async list(query: AuditEventQuery): Promise<AuditEventPage> {
    const builder = this.events
      .createQueryBuilder('e')
      .orderBy('e.occurred_at', 'DESC')
      .addOrderBy('e.id', 'DESC');
    if (query.action)
      builder.andWhere('e.action LIKE :action', { action: `${query.action.replace(/[%_]/g, '\\$&')}%` });
    if (query.actor) builder.andWhere('lower(e.actor_email) = lower(:actor)', { actor: query.actor });
    if (query.targetId) builder.andWhere('e.target_id = :targetId', { targetId: query.targetId });
    if (query.institutionId)
      builder.andWhere('e.institution_id = :institutionId', { institutionId: query.institutionId });
    if (query.from) builder.andWhere('e.occurred_at >= :from', { from: query.from });
    if (query.to) builder.andWhere('e.occurred_at < :to', { to: query.to });
    const [rows, total] = await builder
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map(AuditEventView.from), page: query.page, pageSize: query.pageSize, total };
  }
}
