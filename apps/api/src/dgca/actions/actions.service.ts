import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { ProblemException } from '../../common/problem/problem.exception.js';
import type { FieldError } from '../../common/problem/problem-details.js';
import { AssessmentAccess } from '../assessments/assessment-access.service.js';
import { assessmentNotFound } from '../assessments/assessment-problems.js';
import type { Assessment, AssessmentStatus } from '../assessments/assessment.entity.js';
import { actionNotFound, invalidAction, staleAction } from './action-problems.js';
import { actionViews } from './action-views.js';
import { PlanAction, PlanActionUpdate } from './action.entity.js';
import type {
  ActionList,
  ActionView,
  CreateActionRequest,
  ReportProgressRequest,
  UpdateActionRequest,
} from './actions.dto.js';
import { FrameworkContentService } from '../frameworks/framework-content.service.js';
import { planDimensions, type PlanDimension } from './plan-dimensions.js';

/** Actions are written once the team has agreed its ratings, and after: the plan is carried out later. */
const PLAN_OPEN: AssessmentStatus[] = ['consensus', 'completed'];

const EDITABLE = [
  'dimensionKey',
  'title',
  'description',
  'owner',
  'startsOn',
  'endsOn',
  'resources',
  'indicator',
  'target',
  'impact',
  'feasibility',
  'status',
  'progress',
] as const;

/**
 * An assessment's action plan. Managers (the assessment's institution admins and platform admins)
 * write it from the consensus round on; participants read it and report progress. The assessment
 * row is locked first in every write, so a plan never changes under a change of status.
 */
@Injectable()
export class ActionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AssessmentAccess,
    private readonly audit: AuditService,
    private readonly frameworks: FrameworkContentService,
  ) {}

  async list(assessmentId: string, auth: AuthContext): Promise<ActionList> {
    const assessment = await this.access.forManager(assessmentId, auth);
    return { items: await this.plan(this.db.manager, assessment) };
  }

  /** The plan as a participant sees it: any status but draft (which participants do not see at all). */
  async listForParticipant(assessmentId: string, auth: AuthContext): Promise<ActionList> {
    const { assessment } = await this.access.forParticipant(assessmentId, auth);
    if (assessment.status === 'draft') throw assessmentNotFound(assessmentId);
    return { items: await this.plan(this.db.manager, assessment) };
  }

  /** The assessment, its dimensions and its actions in order, for the exports. */
  async planForExport(
    assessmentId: string,
    auth: AuthContext,
  ): Promise<{ assessment: Assessment; dimensions: PlanDimension[]; actions: ActionView[] }> {
    const assessment = await this.access.forManager(assessmentId, auth);
    const dimensions = await this.dimensions(this.db.manager, assessment.versionId);
    const actions = await actionViews(this.db.manager, dimensions, { assessmentId });
    return { assessment, dimensions, actions };
  }

  async create(
    assessmentId: string,
    input: CreateActionRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<ActionView> {
    return this.db.transaction(async (tx) => {
      const assessment = await this.access.forManager(assessmentId, auth, tx);
      this.access.assertStatus(assessment, PLAN_OPEN, 'plan actions');
      const dimensions = await this.dimensions(tx, assessment.versionId);
      validate(input, dimensions);
      const action = await tx.getRepository(PlanAction).save({
        assessmentId,
        dimensionKey: input.dimensionKey,
        title: input.title,
        description: input.description ?? '',
        owner: input.owner ?? '',
        startsOn: input.startsOn ?? null,
        endsOn: input.endsOn ?? null,
        resources: input.resources ?? '',
        indicator: input.indicator ?? '',
        target: input.target ?? '',
        impact: input.impact,
        feasibility: input.feasibility,
        status: input.status ?? 'planned',
        progress: input.progress ?? 0,
        createdBy: auth.userId,
      });
      await this.record(tx, 'dgca_action.created', action.id, assessment, auth, client, {
        title: action.title,
        dimensionKey: action.dimensionKey,
      });
      return this.one(tx, dimensions, action.id);
    });
  }

  async update(
    actionId: string,
    input: UpdateActionRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<ActionView> {
    return this.db.transaction(async (tx) => {
      const { assessment, action, dimensions } = await this.managed(actionId, auth, tx);
      await this.assertRevision(tx, dimensions, action, input.revision);
      const changes: Partial<PlanAction> = {};
      for (const field of EDITABLE) {
        const value = input[field];
        if (value !== undefined && value !== action[field]) Object.assign(changes, { [field]: value });
      }
      validate({ ...action, ...changes }, dimensions, input.dimensionKey !== undefined);
      if (Object.keys(changes).length > 0) {
        await tx
          .getRepository(PlanAction)
          .update(action.id, { ...changes, revision: action.revision + 1, updatedAt: () => 'now()' });
        await this.record(tx, 'dgca_action.updated', action.id, assessment, auth, client, {
          fields: Object.keys(changes),
        });
      }
      return this.one(tx, dimensions, action.id);
    });
  }

  async remove(actionId: string, revision: number, auth: AuthContext, client: ClientInfo): Promise<void> {
    await this.db.transaction(async (tx) => {
      const { assessment, action, dimensions } = await this.managed(actionId, auth, tx);
      await this.assertRevision(tx, dimensions, action, revision);
      await tx.getRepository(PlanAction).delete(action.id);
      await this.record(tx, 'dgca_action.deleted', action.id, assessment, auth, client, {
        title: action.title,
        dimensionKey: action.dimensionKey,
      });
    });
  }

  /** A manager's progress report. */
  async reportProgress(
    actionId: string,
    input: ReportProgressRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<ActionView> {
    return this.db.transaction(async (tx) => {
      const { assessment, action, dimensions } = await this.managed(actionId, auth, tx);
      return this.applyProgress(tx, assessment, dimensions, action, input, auth, client);
    });
  }

  /** A participant's progress report on an action of their team's plan. */
  async reportProgressAsParticipant(
    assessmentId: string,
    actionId: string,
    input: ReportProgressRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<ActionView> {
    return this.db.transaction(async (tx) => {
      const { assessment } = await this.access.forParticipant(assessmentId, auth, tx);
      if (assessment.status === 'draft') throw assessmentNotFound(assessmentId);
      const action = await this.lockAction(tx, actionId);
      // Compared as text: the path's UUID may be in upper case.
      if (!action || action.assessmentId !== assessment.id) throw actionNotFound(actionId);
      this.access.assertStatus(assessment, PLAN_OPEN, 'report progress on an action');
      const dimensions = await this.dimensions(tx, assessment.versionId);
      return this.applyProgress(tx, assessment, dimensions, action, input, auth, client);
    });
  }

  private async applyProgress(
    tx: EntityManager,
    assessment: Assessment,
    dimensions: PlanDimension[],
    action: PlanAction,
    input: ReportProgressRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<ActionView> {
    await tx.getRepository(PlanActionUpdate).insert({
      actionId: action.id,
      authorId: auth.userId,
      status: input.status ?? null,
      progress: input.progress ?? null,
      comment: input.comment,
    });
    const changes: Partial<Pick<PlanAction, 'status' | 'progress'>> = {};
    if (input.status !== undefined && input.status !== action.status) changes.status = input.status;
    if (input.progress !== undefined && input.progress !== action.progress) changes.progress = input.progress;
    // Only a change of the action's own fields moves its revision: a comment alone does not make
    // someone's open edit form stale.
    if (Object.keys(changes).length > 0) {
      await tx
        .getRepository(PlanAction)
        .update(action.id, { ...changes, revision: action.revision + 1, updatedAt: () => 'now()' });
    }
    await this.record(tx, 'dgca_action.progress_reported', action.id, assessment, auth, client, {
      status: input.status ?? null,
      progress: input.progress ?? null,
    });
    return this.one(tx, dimensions, action.id);
  }

  /**
   * The action, locked, with its assessment (locked first) when the caller manages it and the
   * plan is open; 404 `action-not-found` when there is no such action or it is another
   * institution's.
   */
  private async managed(
    actionId: string,
    auth: AuthContext,
    tx: EntityManager,
  ): Promise<{ assessment: Assessment; action: PlanAction; dimensions: PlanDimension[] }> {
    const [found] = (await tx.query(`SELECT assessment_id AS "assessmentId" FROM dgca_action WHERE id = $1`, [
      actionId,
    ])) as { assessmentId: string }[];
    if (!found) throw actionNotFound(actionId);
    const assessment = await this.access.forManager(found.assessmentId, auth, tx).catch((error: unknown) => {
      throw error instanceof ProblemException && error.getStatus() === 404 ? actionNotFound(actionId) : error;
    });
    const action = await this.lockAction(tx, actionId);
    if (!action) throw actionNotFound(actionId);
    this.access.assertStatus(assessment, PLAN_OPEN, 'change the action plan');
    return { assessment, action, dimensions: await this.dimensions(tx, assessment.versionId) };
  }

  private dimensions(db: EntityManager, versionId: string): Promise<PlanDimension[]> {
    return planDimensions(this.frameworks, db, versionId);
  }

  private lockAction(tx: EntityManager, id: string): Promise<PlanAction | null> {
    return tx
      .getRepository(PlanAction)
      .createQueryBuilder('a')
      .where('a.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  private async assertRevision(
    tx: EntityManager,
    dimensions: PlanDimension[],
    action: PlanAction,
    revision: number,
  ): Promise<void> {
    if (action.revision !== revision)
      throw staleAction(revision, await this.one(tx, dimensions, action.id), action.revision);
  }

  private async plan(db: EntityManager, assessment: Assessment): Promise<ActionView[]> {
    return actionViews(db, await this.dimensions(db, assessment.versionId), { assessmentId: assessment.id });
  }

  private async one(tx: EntityManager, dimensions: PlanDimension[], actionId: string): Promise<ActionView> {
    const [view] = await actionViews(tx, dimensions, { actionId });
    if (!view) throw actionNotFound(actionId);
    return view;
  }

  private record(
    tx: EntityManager,
    action: string,
    actionId: string,
    assessment: Assessment,
    auth: AuthContext,
    client: ClientInfo,
    details: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(
      {
        action,
        actor: { id: auth.userId, email: auth.email },
        target: { type: 'dgca_action', id: actionId },
        institutionId: assessment.institutionId,
        client,
        details: { assessmentId: assessment.id, ...details },
      },
      tx,
    );
  }
}

/**
 * Rules the request's shape cannot say: the dimension is one of the assessment's framework
 * version (checked when given), and the action does not end before it starts.
 */
function validate(
  action: { dimensionKey: string; startsOn?: string | null; endsOn?: string | null },
  dimensions: PlanDimension[],
  checkDimension = true,
): void {
  const errors: FieldError[] = [];
  if (checkDimension && !dimensions.some((dimension) => dimension.key === action.dimensionKey)) {
    errors.push({
      field: 'dimensionKey',
      message: `dimensionKey must be one of the assessment's dimensions: ${dimensions.map((d) => d.key).join(', ')}`,
      in: 'body',
    });
    throw invalidAction(
      `"${action.dimensionKey}" is not a dimension of this assessment's framework.`,
      errors,
      'unknown-dimension',
    );
  }
  if (action.startsOn && action.endsOn && action.endsOn < action.startsOn) {
    errors.push({ field: 'endsOn', message: 'endsOn must not be before startsOn', in: 'body' });
    throw invalidAction('The action ends before it starts.', errors, 'dates-out-of-order');
  }
}
