import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { ProblemException } from '../../common/problem/problem.exception.js';
import { ProblemType } from '../../common/problem/problem-details.js';
import type { FrameworkContent } from '../frameworks/framework-content.js';
import { FrameworkContentService } from '../frameworks/framework-content.service.js';
import { AssessmentAccess } from './assessment-access.service.js';
import { assessmentNotFound, invalidAssessment } from './assessment-problems.js';
import type { Assessment } from './assessment.entity.js';
import type {
  MyAssessmentList,
  MyAssessmentView,
  MyRating,
  RateStatementRequest,
  RatingSaved,
  SubmittedView,
} from './my-assessments.dto.js';

interface RatingRow {
  statementId: string;
  value: number | null;
  comment: string | null;
  evidenceUrl: string | null;
  updatedAt: Date;
}

const toRating = (row: RatingRow): MyRating => ({
  statementId: row.statementId,
  value: row.value,
  dontKnow: row.value === null,
  comment: row.comment,
  evidenceUrl: row.evidenceUrl,
  updatedAt: new Date(row.updatedAt).toISOString(),
});

const RATING_COLUMNS = `statement_id AS "statementId", value, comment, evidence_url AS "evidenceUrl", updated_at AS "updatedAt"`;

/**
 * A participant's own side of their assessments: what to rate, and their own ratings — never
 * anyone else's. Drafts are not shown (404) until the individual round opens; ratings are taken
 * only while it is open. Each write share-locks the assessment, so a change of status waits for it.
 */
@Injectable()
export class MyAssessmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AssessmentAccess,
    private readonly frameworks: FrameworkContentService,
    private readonly audit: AuditService,
  ) {}

  async list(auth: AuthContext): Promise<MyAssessmentList> {
    const rows = (await this.db.query(
      `SELECT a.id, a.title, a.subject, a.country, a.status,
              to_char(a.individual_due_on, 'YYYY-MM-DD') AS "individualDueOn",
              (SELECT count(*)::int FROM dgca_rating r WHERE r.participant_id = p.id) AS answered,
              (SELECT count(*)::int FROM dgca_statement s JOIN dgca_dimension d ON d.id = s.dimension_id
                WHERE d.version_id = a.version_id) AS total,
              p.submitted_at AS "submittedAt"
         FROM dgca_participant p JOIN dgca_assessment a ON a.id = p.assessment_id
        WHERE p.user_id = $1 AND a.status <> 'draft'
        ORDER BY a.status = 'completed', a.individual_due_on NULLS LAST, lower(a.title), a.id`,
      [auth.userId],
    )) as (Omit<MyAssessmentList['items'][number], 'submittedAt' | 'resultsAvailable'> & {
      submittedAt: Date | null;
    })[];
    return {
      items: rows.map((row) => ({
        ...row,
        submittedAt: row.submittedAt ? new Date(row.submittedAt).toISOString() : null,
        resultsAvailable: row.status === 'completed',
      })),
    };
  }

  async get(id: string, auth: AuthContext): Promise<MyAssessmentView> {
    const { assessment, participantId } = await this.visible(id, auth);
    const [content, ratings, [extra]] = await Promise.all([
      this.content(assessment),
      this.db.query(`SELECT ${RATING_COLUMNS} FROM dgca_rating WHERE participant_id = $1`, [
        participantId,
      ]) as Promise<RatingRow[]>,
      this.db.query(
        `SELECT p.submitted_at AS "submittedAt", i.name AS "institutionName"
           FROM dgca_participant p, institution i WHERE p.id = $1 AND i.id = $2`,
        [participantId, assessment.institutionId],
      ) as Promise<{ submittedAt: Date | null; institutionName: string }[]>,
    ]);
    return {
      id: assessment.id,
      title: assessment.title,
      description: assessment.description,
      subject: assessment.subject,
      country: assessment.country,
      institution: { id: assessment.institutionId, name: extra?.institutionName ?? '' },
      status: assessment.status,
      individualDueOn: assessment.individualDueOn,
      consensusOn: assessment.consensusOn,
      scale: content.scale.map(({ value, label, description }) => ({ value, label, description })),
      dimensions: content.dimensions.map((dimension) => ({
        key: dimension.key,
        name: dimension.name,
        description: dimension.description,
        statements: dimension.statements.map(({ id: statementId, text, guidance }) => ({
          id: statementId,
          text,
          guidance,
        })),
      })),
      ratings: ratings.map(toRating),
      answered: ratings.length,
      total: content.statementCount,
      submittedAt: extra?.submittedAt ? new Date(extra.submittedAt).toISOString() : null,
    };
  }

  /**
   * Saves one answer: a level of the scale or "don't know", with an optional comment and evidence
   * link. A comment or link left out stays as it was; null clears it.
   */
  async rate(
    id: string,
    statementId: string,
    input: RateStatementRequest,
    auth: AuthContext,
  ): Promise<RatingSaved> {
    const dontKnow = input.dontKnow === true;
    const value = input.value ?? undefined;
    if ((value === undefined) === !dontKnow) {
      throw invalidAssessment(
        'Give either a value from the scale or dontKnow: true, not both and not neither.',
        [{ field: 'value', message: 'give exactly one of value and dontKnow: true', in: 'body' }],
        'invalid-rating',
      );
    }
    if (input.evidenceUrl) assertWebAddress(input.evidenceUrl);
    return this.db.transaction(async (tx) => {
      const { assessment, participantId } = await this.visible(id, auth, tx);
      this.access.assertStatus(assessment, ['individual'], 'change your answers');
      const content = await this.content(assessment, tx);
      assertStatementOf(content, statementId, assessment);
      if (value !== undefined) assertOnScale(content, value);
      const [row] = (await tx.query(
        `INSERT INTO dgca_rating (participant_id, statement_id, value, comment, evidence_url)
         VALUES ($1, $2, $3, $5, $7)
         ON CONFLICT (participant_id, statement_id) DO UPDATE SET
           value = EXCLUDED.value,
           comment = CASE WHEN $4 THEN EXCLUDED.comment ELSE dgca_rating.comment END,
           evidence_url = CASE WHEN $6 THEN EXCLUDED.evidence_url ELSE dgca_rating.evidence_url END,
           updated_at = now()
         RETURNING ${RATING_COLUMNS}`,
        [
          participantId,
          statementId,
          value ?? null,
          input.comment !== undefined,
          input.comment ?? null,
          input.evidenceUrl !== undefined,
          input.evidenceUrl ?? null,
        ],
      )) as RatingRow[];
      const answered = await countAnswered(tx, participantId);
      return { ...toRating(row!), answered, total: content.statementCount };
    });
  }

  async clear(id: string, statementId: string, auth: AuthContext): Promise<void> {
    await this.db.transaction(async (tx) => {
      const { assessment, participantId } = await this.visible(id, auth, tx);
      this.access.assertStatus(assessment, ['individual'], 'change your answers');
      assertStatementOf(await this.content(assessment, tx), statementId, assessment);
      await tx.query(`DELETE FROM dgca_rating WHERE participant_id = $1 AND statement_id = $2`, [
        participantId,
        statementId,
      ]);
    });
  }

  /** Says they are done; they may still change answers until the round closes. */
  async submit(id: string, auth: AuthContext, client: ClientInfo): Promise<SubmittedView> {
    return this.db.transaction(async (tx) => {
      const { assessment, participantId } = await this.visible(id, auth, tx);
      this.access.assertStatus(assessment, ['individual'], 'submit your answers');
      const [row] = (await tx.query(
        `UPDATE dgca_participant SET submitted_at = now() WHERE id = $1 RETURNING submitted_at AS "submittedAt"`,
        [participantId],
      )) as [{ submittedAt: Date }[], number];
      await this.audit.record(
        {
          action: 'dgca_participant.submitted',
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'dgca_participant', id: participantId },
          institutionId: assessment.institutionId,
          client,
          details: { assessmentId: assessment.id },
        },
        tx,
      );
      return { submittedAt: new Date(row[0]!.submittedAt).toISOString() };
    });
  }

  /** The assessment if the caller takes part and it has left the draft stage; 404 otherwise. */
  private async visible(
    id: string,
    auth: AuthContext,
    tx?: EntityManager,
  ): Promise<{ assessment: Assessment; participantId: string }> {
    const found = await this.access.forParticipant(id, auth, tx);
    if (found.assessment.status === 'draft') throw assessmentNotFound(id);
    return found;
  }

  private async content(
    assessment: Assessment,
    db: EntityManager = this.db.manager,
  ): Promise<FrameworkContent> {
    const content = await this.frameworks.content(assessment.versionId, db);
    if (!content) throw assessmentNotFound(assessment.id);
    return content;
  }
}

async function countAnswered(tx: EntityManager, participantId: string): Promise<number> {
  const [row] = (await tx.query(`SELECT count(*)::int AS n FROM dgca_rating WHERE participant_id = $1`, [
    participantId,
  ])) as { n: number }[];
  return row?.n ?? 0;
}

function assertStatementOf(content: FrameworkContent, statementId: string, assessment: Assessment): void {
  const id = statementId.toLowerCase();
  if (content.dimensions.some((dimension) => dimension.statements.some((statement) => statement.id === id)))
    return;
  throw new ProblemException({
    status: 404,
    type: ProblemType.NotFound,
    detail: `"${assessment.title}" has no statement ${statementId}.`,
    extensions: { code: 'statement-not-found' },
  });
}

function assertOnScale(content: FrameworkContent, value: number): void {
  const allowed = content.scale.map((level) => level.value);
  if (allowed.includes(value)) return;
  throw new ProblemException({
    status: 422,
    type: ProblemType.ValidationFailed,
    detail: `${value} is not a level of this assessment's scale: give one of ${allowed.join(', ')}, or dontKnow: true.`,
    errors: [{ field: 'value', message: `value must be one of ${allowed.join(', ')}`, in: 'body' }],
    extensions: { code: 'rating-out-of-scale', allowed },
  });
}

function assertWebAddress(value: string): void {
  let protocol: string | undefined;
  try {
    protocol = new URL(value).protocol;
  } catch {
    protocol = undefined;
  }
  // The table also checks the text itself starts so: "https:example.org" parses, but would fail there.
  if ((protocol === 'http:' || protocol === 'https:') && /^https?:\/\//i.test(value)) return;
  throw invalidAssessment(
    'The evidence link must be a web address starting with http:// or https://.',
    [{ field: 'evidenceUrl', message: 'evidenceUrl must be an http(s) address', in: 'body' }],
    'invalid-evidence-url',
  );
}
