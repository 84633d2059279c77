import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthContext } from '../../auth/auth-context.js';
import { inScope, scopeOf } from '../../users/admin-scope.js';
import { assessmentNotFound, wrongStatus } from './assessment-problems.js';
import { Assessment, type AssessmentStatus } from './assessment.entity.js';

/**
 * Who may reach an assessment. Managers (facilitators) are platform admins and the institution
 * admins of the assessment's institution; participants are people with a `dgca_participant` row.
 * Anyone else gets 404, so an assessment's existence is not revealed outside its team. A manager
 * who is not a participant gets 404 on the participant side too: they use the Studio routes.
 * Pass a transaction to lock the assessment row for a write (see `load`).
 */
@Injectable()
export class AssessmentAccess {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async forManager(id: string, auth: AuthContext, tx?: EntityManager): Promise<Assessment> {
    const assessment = await this.load(id, tx);
    if (!assessment || !this.manages(auth, assessment.institutionId)) throw assessmentNotFound(id);
    return assessment;
  }

  async forParticipant(
    id: string,
    auth: AuthContext,
    tx?: EntityManager,
  ): Promise<{ assessment: Assessment; participantId: string }> {
    // The assessment first: a removal of the participant locks it too, so once we hold it the
    // participant row we read next cannot vanish before our write (it would be a 500 on its FK).
    const assessment = await this.load(id, tx, 'pessimistic_read');
    if (!assessment) throw assessmentNotFound(id);
    const rows = (await (tx ?? this.db.manager).query(
      `SELECT id FROM dgca_participant WHERE assessment_id = $1 AND user_id = $2`,
      [id, auth.userId],
    )) as { id: string }[];
    const participantId = rows[0]?.id;
    if (!participantId) throw assessmentNotFound(id);
    return { assessment, participantId };
  }

  /** Throws the 409 (`assessment-completed`, `round-not-reached` or `round-closed`) unless allowed. */
  assertStatus(assessment: Assessment, allowed: AssessmentStatus[], action: string): void {
    if (!allowed.includes(assessment.status)) throw wrongStatus(assessment.status, allowed, action);
  }

  manages(auth: AuthContext, institutionId: string): boolean {
    return inScope(scopeOf(auth), institutionId);
  }

  /**
   * In a transaction, managers lock the row for update and participants share-lock it: ratings
   * written at the same time do not wait for each other, but a change of status waits for them, so
   * no rating lands after its round has closed.
   */
  private load(
    id: string,
    tx?: EntityManager,
    lock: 'pessimistic_write' | 'pessimistic_read' = 'pessimistic_write',
  ): Promise<Assessment | null> {
    const builder = (tx ?? this.db.manager)
      .getRepository(Assessment)
      .createQueryBuilder('a')
      .where('a.id = :id', { id });
    if (tx) builder.setLock(lock);
    return builder.getOne();
  }
}
