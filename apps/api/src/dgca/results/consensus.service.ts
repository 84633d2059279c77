import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { AssessmentAccess } from '../assessments/assessment-access.service.js';
import type { Assessment } from '../assessments/assessment.entity.js';
import type { FrameworkContent } from '../frameworks/framework-content.js';
import { FrameworkContentService } from '../frameworks/framework-content.service.js';
import { sortComments, withheldFor, type AnonymousComment } from './anonymity.js';
import * as aggregates from './rating-aggregates.js';
import { consensusChoiceMissing, consensusOutOfScale, statementNotFound } from './results-problems.js';
import type {
  ConsensusRecordView,
  ConsensusView,
  RecordConsensusRequest,
  StatementConsensus,
} from './results.dto.js';
import { disagreement, meanAndSpread, round2 } from './statistics.js';

/** An assessment's statements with their anonymous figures, as the consensus view and exports use them. */
export interface StatementFigures {
  content: FrameworkContent;
  raters: number;
  participants: number;
  withheld: boolean;
  /** By statement id. */
  statements: Map<string, StatementConsensus>;
}

/**
 * The consensus round: per statement, the anonymous distribution of the individual ratings, their
 * mean and spread, a disagreement flag and the comments (by text), next to the agreed rating the
 * facilitator records. Figures behind fewer than MINIMUM_RATERS people are withheld, both for the
 * round as a whole and per statement: a statement only one person answered would show their rating.
 */
@Injectable()
export class ConsensusService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AssessmentAccess,
    private readonly frameworks: FrameworkContentService,
    private readonly audit: AuditService,
  ) {}

  async view(id: string, auth: AuthContext): Promise<ConsensusView> {
    const assessment = await this.access.forManager(id, auth);
    this.access.assertStatus(assessment, ['consensus', 'completed'], 'open the consensus view');
    const figures = await this.figures(assessment);
    return {
      status: assessment.status,
      raters: figures.raters,
      withheld: figures.withheld,
      scale: figures.content.scale,
      dimensions: figures.content.dimensions.map((dimension) => ({
        key: dimension.key,
        name: dimension.name,
        statements: dimension.statements.map((statement) => figures.statements.get(statement.id)!),
      })),
    };
  }

  async record(
    id: string,
    givenStatementId: string,
    body: RecordConsensusRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<StatementConsensus> {
    // Statement ids are compared as text below; a UUID may come in upper case.
    const statementId = givenStatementId.toLowerCase();
    const dontKnow = body.dontKnow === true;
    const given = body.value ?? null;
    if ((given === null) === !dontKnow) throw consensusChoiceMissing();
    const assessment = await this.db.transaction(async (tx) => {
      const locked = await this.access.forManager(id, auth, tx);
      this.access.assertStatus(locked, ['consensus'], 'record a consensus');
      const content = await this.content(locked, tx);
      const dimension = content.dimensions.find((d) => d.statements.some((s) => s.id === statementId));
      if (!dimension) throw statementNotFound(statementId);
      const allowed = content.scale.map((level) => level.value);
      if (given !== null && !allowed.includes(given)) throw consensusOutOfScale(given, allowed);
      const value = dontKnow ? null : given;
      await tx.query(
        `INSERT INTO dgca_consensus (assessment_id, statement_id, value, notes, recorded_by)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (assessment_id, statement_id)
         DO UPDATE SET value = EXCLUDED.value, notes = EXCLUDED.notes,
                       recorded_by = EXCLUDED.recorded_by, recorded_at = now()`,
        [locked.id, statementId, value, body.notes ?? '', auth.userId],
      );
      await this.audit.record(
        {
          action: 'dgca_consensus.recorded',
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'dgca_assessment', id: locked.id },
          institutionId: locked.institutionId,
          client,
          details: { statementId, dimensionKey: dimension.key, value, dontKnow },
        },
        tx,
      );
      return locked;
    });
    const figures = await this.figures(assessment);
    return figures.statements.get(statementId)!;
  }

  /** Every statement's anonymous figures, read in four grouped queries. */
  async figures(assessment: Assessment, db: EntityManager = this.db.manager): Promise<StatementFigures> {
    const [content, counts, notes, head, agreed] = await Promise.all([
      this.content(assessment, db),
      aggregates.statementCounts(db, assessment.id),
      aggregates.comments(db, assessment.id),
      aggregates.headcount(db, assessment.id),
      aggregates.consensusRecords(db, assessment.id),
    ]);
    const withheld = withheldFor(head.raters);
    const countsOf = group(counts, (row) => row.statementId);
    const commentsOf = group(notes, (row) => row.statementId);
    const agreedOf = new Map(agreed.map((row) => [row.statementId, row]));
    const statements = new Map<string, StatementConsensus>();
    for (const dimension of content.dimensions)
      for (const statement of dimension.statements) {
        const rows = countsOf.get(statement.id) ?? [];
        const answered = rows.reduce((sum, row) => sum + row.count, 0);
        const hidden = withheld || withheldFor(answered);
        const distribution = content.scale.map((level) => ({
          value: level.value,
          count: hidden ? 0 : (rows.find((row) => row.value === level.value)?.count ?? 0),
        }));
        const { mean, spread } = meanAndSpread(distribution);
        const record = agreedOf.get(statement.id);
        statements.set(statement.id, {
          statementId: statement.id,
          text: statement.text,
          answered,
          dontKnow: hidden ? 0 : (rows.find((row) => row.value === null)?.count ?? 0),
          withheld: hidden,
          distribution,
          mean: round2(mean),
          spread: round2(spread),
          disagreement: !hidden && disagreement(distribution, content.min, content.max),
          comments: hidden ? [] : sortComments((commentsOf.get(statement.id) ?? []).map(anonymous)),
          consensus: record ? consensusView(record) : null,
        });
      }
    return { content, raters: head.raters, participants: head.participants, withheld, statements };
  }

  private async content(assessment: Assessment, db: EntityManager): Promise<FrameworkContent> {
    const content = await this.frameworks.content(assessment.versionId, db);
    // The version is referenced with ON DELETE RESTRICT: it cannot be missing.
    if (!content) throw new Error(`Framework version ${assessment.versionId} is missing`);
    return content;
  }
}

const anonymous = (row: aggregates.CommentRow): AnonymousComment => ({
  text: row.text,
  evidenceUrl: row.evidenceUrl,
});

const consensusView = (row: aggregates.ConsensusRow): ConsensusRecordView => ({
  value: row.value,
  dontKnow: row.value === null,
  notes: row.notes,
  recordedAt: new Date(row.recordedAt).toISOString(),
});

function group<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
