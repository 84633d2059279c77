import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { ProblemException } from '../../common/problem/problem.exception.js';
import { ProblemType, type FieldError } from '../../common/problem/problem-details.js';
import { InstitutionsService } from '../../institutions/institutions.service.js';
import { assertRoleIn, scopeOf } from '../../users/admin-scope.js';
import { likePattern } from '../../users/search.js';
import { AssessmentAccess } from './assessment-access.service.js';
import { assessmentNotFound, invalidAssessment, STATUS_NAMES } from './assessment-problems.js';
import { assessmentView, SUMMARY_SELECT, toSummary, type SummaryRow } from './assessment-views.js';
import { Assessment, type AssessmentStatus } from './assessment.entity.js';
import type {
  AssessmentListQuery,
  AssessmentPage,
  AssessmentView,
  ChangeStatusRequest,
  CreateAssessmentRequest,
  UpdateAssessmentRequest,
} from './assessments.dto.js';
import { RoundOpenedMail } from './round-opened-mail.js';

/** The moves the status machine allows; `consensus → individual` reopens the round. */
const NEXT: Record<AssessmentStatus, AssessmentStatus[]> = {
  draft: ['individual'],
  individual: ['consensus'],
  consensus: ['individual', 'completed'],
  completed: [],
};

type Dates = Pick<UpdateAssessmentRequest, 'startsOn' | 'individualDueOn' | 'consensusOn'>;

/**
 * Assessments as their managers see them in the Studio: platform admins every one, institution
 * admins those their institutions run (others answer 404). Writes lock the assessment row, check
 * the revision the caller read, and are audited.
 */
@Injectable()
export class AssessmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AssessmentAccess,
    private readonly institutions: InstitutionsService,
    private readonly roundOpened: RoundOpenedMail,
    private readonly audit: AuditService,
  ) {}

  async list(query: AssessmentListQuery, auth: AuthContext): Promise<AssessmentPage> {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    const param = (value: unknown) => {
      parameters.push(value);
      return `$${parameters.length}`;
    };
    const scope = scopeOf(auth);
    if (!scope.everywhere) conditions.push(`a.institution_id = ANY(${param(scope.institutionIds)}::uuid[])`);
    if (query.institutionId) conditions.push(`a.institution_id = ${param(query.institutionId)}`);
    if (query.status) conditions.push(`a.status = ${param(query.status)}`);
    if (query.q) conditions.push(`a.title ILIKE ${param(likePattern(query.q))}`);
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const [rows, [count]] = await Promise.all([
      this.db.query(
        `${SUMMARY_SELECT} ${where}
          ORDER BY a.status = 'completed', a.created_at DESC, a.id
          LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
        parameters,
      ) as Promise<SummaryRow[]>,
      this.db.query(`SELECT count(*)::int AS total FROM dgca_assessment a ${where}`, parameters) as Promise<
        { total: number }[]
      >,
    ]);
    return {
      items: rows.map(toSummary),
      page: query.page,
      pageSize: query.pageSize,
      total: count?.total ?? 0,
    };
  }

  async get(id: string, auth: AuthContext): Promise<AssessmentView> {
    await this.access.forManager(id, auth);
    return this.view(this.db.manager, id);
  }

  async create(
    input: CreateAssessmentRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<AssessmentView> {
    const institution = await this.institutions.get(input.institutionId);
    assertRoleIn(auth, input.institutionId);
    validateDates(input);
    const country = input.country ?? institution.country;
    return this.db.transaction(async (tx) => {
      await assertPublishedVersion(tx, input.versionId);
      if (input.previousAssessmentId) {
        await this.assertPrevious(
          tx,
          auth,
          input.previousAssessmentId,
          input.institutionId,
          input.subject,
          country,
        );
      }
      const assessment = await tx.getRepository(Assessment).save({
        versionId: input.versionId,
        institutionId: input.institutionId,
        subject: input.subject,
        country,
        title: input.title,
        description: input.description ?? '',
        startsOn: input.startsOn ?? null,
        individualDueOn: input.individualDueOn ?? null,
        consensusOn: input.consensusOn ?? null,
        previousAssessmentId: input.previousAssessmentId ?? null,
        createdBy: auth.userId,
      });
      await this.record(tx, 'dgca_assessment.created', assessment, auth, client, {
        title: assessment.title,
        versionId: assessment.versionId,
        subject: assessment.subject,
        country,
      });
      return this.view(tx, assessment.id);
    });
  }

  async update(
    id: string,
    input: UpdateAssessmentRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<AssessmentView> {
    return this.db.transaction(async (tx) => {
      const assessment = await this.access.forManager(id, auth, tx);
      await this.assertRevision(tx, assessment, input.revision);
      const { revision: _revision, ...changes } = input;
      const changed = Object.keys(changes).filter(
        (key) => changes[key as keyof typeof changes] !== undefined,
      ) as (keyof typeof changes)[];
      if (assessment.status === 'completed' && changed.some((key) => key !== 'regionalOptIn')) {
        this.access.assertStatus(
          assessment,
          ['draft', 'individual', 'consensus'],
          'change a completed assessment (only regionalOptIn may change)',
        );
      }
      const merged: Dates = {
        startsOn: input.startsOn === undefined ? assessment.startsOn : input.startsOn,
        individualDueOn:
          input.individualDueOn === undefined ? assessment.individualDueOn : input.individualDueOn,
        consensusOn: input.consensusOn === undefined ? assessment.consensusOn : input.consensusOn,
      };
      validateDates(merged);
      if (input.previousAssessmentId) {
        if (input.previousAssessmentId.toLowerCase() === assessment.id) {
          throw invalidAssessment(
            'An assessment cannot be compared with itself.',
            [previousError('is this assessment')],
            'invalid-previous',
          );
        }
        await this.assertPrevious(
          tx,
          auth,
          input.previousAssessmentId,
          assessment.institutionId,
          assessment.subject,
          assessment.country,
        );
      }
      if (changed.length > 0) {
        await tx.getRepository(Assessment).update(assessment.id, {
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.description !== undefined ? { description: input.description ?? '' } : {}),
          ...merged,
          ...(input.previousAssessmentId !== undefined
            ? { previousAssessmentId: input.previousAssessmentId }
            : {}),
          ...(input.regionalOptIn !== undefined ? { regionalOptIn: input.regionalOptIn } : {}),
          revision: assessment.revision + 1,
          updatedAt: new Date(),
        });
        await this.record(tx, 'dgca_assessment.updated', assessment, auth, client, { fields: changed });
      }
      return this.view(tx, assessment.id);
    });
  }

  /**
   * Moves the assessment along its status machine. Opening the individual round needs at least one
   * participant, and mails every participant a link to rate (after commit).
   */
  async changeStatus(
    id: string,
    input: ChangeStatusRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<AssessmentView> {
    const { view, mails } = await this.db.transaction(async (tx) => {
      const assessment = await this.access.forManager(id, auth, tx);
      await this.assertRevision(tx, assessment, input.revision);
      const from = assessment.status;
      if (!NEXT[from].includes(input.to)) {
        throw new ProblemException({
          status: 409,
          type: ProblemType.Conflict,
          detail: `An assessment ${STATUS_NAMES[from]} cannot become ${STATUS_NAMES[input.to]}${
            NEXT[from].length > 0
              ? `: it can become ${NEXT[from].map((s) => STATUS_NAMES[s]).join(' or ')}`
              : ''
          }.`,
          errors: [
            { field: 'to', message: `to must be one of: ${NEXT[from].join(', ') || 'none'}`, in: 'body' },
          ],
          extensions: {
            code: from === 'completed' ? 'assessment-completed' : 'invalid-transition',
            allowed: NEXT[from],
          },
        });
      }
      if (input.to === 'individual' && from === 'draft') {
        const [row] = (await tx.query(
          `SELECT count(*)::int AS n FROM dgca_participant WHERE assessment_id = $1`,
          [assessment.id],
        )) as { n: number }[];
        if (!row?.n) {
          throw invalidAssessment(
            'Add at least one participant before opening the individual round.',
            [{ field: 'to', message: 'the assessment has no participants', in: 'body' }],
            'no-participants',
          );
        }
      }
      const now = new Date();
      await tx.getRepository(Assessment).update(assessment.id, {
        status: input.to,
        ...(input.to === 'individual' ? { individualOpenedAt: now } : {}),
        ...(input.to === 'consensus' ? { consensusOpenedAt: now } : {}),
        ...(input.to === 'completed' ? { completedAt: now } : {}),
        revision: assessment.revision + 1,
        updatedAt: now,
      });
      await this.record(tx, 'dgca_assessment.status_changed', assessment, auth, client, {
        from,
        to: input.to,
      });
      return {
        view: await this.view(tx, assessment.id),
        mails: input.to === 'individual' ? await this.roundOpened.compose(assessment.id, undefined, tx) : [],
      };
    });
    await this.roundOpened.send(mails);
    return view;
  }

  /** Only drafts: once a round has opened, people's ratings hang on it. */
  async remove(id: string, revision: number, auth: AuthContext, client: ClientInfo): Promise<void> {
    await this.db.transaction(async (tx) => {
      const assessment = await this.access.forManager(id, auth, tx);
      await this.assertRevision(tx, assessment, revision);
      if (assessment.status !== 'draft') {
        throw new ProblemException({
          status: 409,
          type: ProblemType.Conflict,
          detail: `Only a draft can be deleted; "${assessment.title}" is ${STATUS_NAMES[assessment.status]}.`,
          extensions: { code: 'not-draft' },
        });
      }
      await tx.query(`DELETE FROM dgca_assessment WHERE id = $1`, [assessment.id]);
      await this.record(tx, 'dgca_assessment.deleted', assessment, auth, client, { title: assessment.title });
    });
  }

  private async view(db: EntityManager, id: string): Promise<AssessmentView> {
    const view = await assessmentView(db, id);
    if (!view) throw assessmentNotFound(id);
    return view;
  }

  private async assertRevision(tx: EntityManager, assessment: Assessment, revision: number): Promise<void> {
    if (assessment.revision === revision) return;
    throw new ProblemException({
      status: 409,
      type: ProblemType.Conflict,
      detail: `Someone saved this assessment in the meantime (revision ${assessment.revision}, yours is ${revision}). Nothing was changed; review the current assessment and try again.`,
      errors: [{ field: 'revision', message: 'revision is not the current one', in: 'body' }],
      extensions: { code: 'stale-version', current: await this.view(tx, assessment.id) },
    });
  }

  /**
   * The earlier assessment to compare with: completed, one the caller manages, run by the same
   * institution (whose admins would otherwise read another institution's scores in the results),
   * same subject and country.
   */
  private async assertPrevious(
    tx: EntityManager,
    auth: AuthContext,
    previousId: string,
    institutionId: string,
    subject: string,
    country: string,
  ): Promise<void> {
    const previous = await tx.getRepository(Assessment).findOneBy({ id: previousId });
    const problem = (message: string) =>
      invalidAssessment(`The previous assessment ${message}.`, [previousError(message)], 'invalid-previous');
    if (!previous || !this.access.manages(auth, previous.institutionId))
      throw problem('does not exist or is not one you manage');
    if (previous.institutionId !== institutionId) throw problem('is run by another institution');
    if (previous.status !== 'completed') throw problem('is not completed');
    if (previous.subject !== subject || previous.country !== country) {
      throw problem(`is of another ${previous.subject !== subject ? 'subject' : 'country'}`);
    }
  }

  private record(
    tx: EntityManager,
    action: string,
    assessment: Assessment,
    auth: AuthContext,
    client: ClientInfo,
    details: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(
      {
        action,
        actor: { id: auth.userId, email: auth.email },
        target: { type: 'dgca_assessment', id: assessment.id },
        institutionId: assessment.institutionId,
        client,
        details,
      },
      tx,
    );
  }
}

const previousError = (message: string): FieldError => ({
  field: 'previousAssessmentId',
  message: `previousAssessmentId ${message}`,
  in: 'body',
});

async function assertPublishedVersion(tx: EntityManager, versionId: string): Promise<void> {
  const [row] = (await tx.query(`SELECT status FROM dgca_framework_version WHERE id = $1`, [versionId])) as {
    status: string;
  }[];
  if (row?.status === 'published') return;
  throw invalidAssessment(
    row
      ? 'Assessments use a published framework version; this one is a draft.'
      : `There is no framework version ${versionId}.`,
    [{ field: 'versionId', message: row ? 'versionId is a draft' : 'versionId does not exist', in: 'body' }],
    'version-not-published',
  );
}

/** Start, individual due date and consensus meeting, when given, come in that order. */
function validateDates(dates: Dates): void {
  const order: (keyof Dates)[] = ['startsOn', 'individualDueOn', 'consensusOn'];
  const given = order.filter((key) => dates[key]);
  for (let index = 1; index < given.length; index++) {
    const before = given[index - 1]!;
    const after = given[index]!;
    if (dates[after]! < dates[before]!) {
      throw invalidAssessment(
        `${after} (${dates[after]}) comes before ${before} (${dates[before]}).`,
        [{ field: after, message: `${after} must not be before ${before}`, in: 'body' }],
        'dates-out-of-order',
      );
    }
  }
}
