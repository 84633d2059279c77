import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { EntityManager } from 'typeorm';
import type { DomainEvent } from './domain-event.js';

/**
 * Domain events are written to domain_event inside the transaction that caused them, so an event
 * exists exactly when its change was committed; after the commit the caller announces them to
 * in-process listeners. A listener that was down (or a process that stopped between commit and
 * announcement) can catch up from the table by id.
 */
@Injectable()
export class DomainEvents {
  private readonly log = new Logger(DomainEvents.name);

  constructor(private readonly emitter: EventEmitter2) {}

  async record(tx: EntityManager, event: DomainEvent): Promise<void> {
    await tx.query(`INSERT INTO domain_event (type, subject_id, payload) VALUES ($1, $2, $3)`, [
      event.type,
      event.subjectId,
      JSON.stringify(event.payload),
    ]);
  }

  /** `record` for many events in one statement (a batch of quiz submissions completing courses). */
  async recordAll(tx: EntityManager, events: readonly DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    await tx.query(
      `INSERT INTO domain_event (type, subject_id, payload)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::jsonb[])`,
      [
        events.map((e) => e.type),
        events.map((e) => e.subjectId),
        events.map((e) => JSON.stringify(e.payload)),
      ],
    );
  }

  /** Announces committed events; a failing listener is logged and never undoes the change. */
  async announce(events: readonly DomainEvent[]): Promise<void> {
    for (const event of events) {
      try {
        await this.emitter.emitAsync(event.type, event);
      } catch (error) {
        this.log.error(`A listener of ${event.type} failed for ${event.subjectId}: ${String(error)}`);
      }
    }
  }
}
