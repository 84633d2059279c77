import type { EntityManager } from 'typeorm';
import type { ActionStatus } from './action.entity.js';
import type { ActionUpdateView, ActionView } from './actions.dto.js';
import type { PlanDimension } from './plan-dimensions.js';
import { priorityOf } from './priority.js';

interface ActionRow {
  id: string;
  assessmentId: string;
  dimensionKey: string;
  title: string;
  description: string;
  owner: string;
  startsOn: string | null;
  endsOn: string | null;
  resources: string;
  indicator: string;
  target: string;
  impact: number;
  feasibility: number;
  status: ActionStatus;
  progress: number;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

interface UpdateRow {
  id: string;
  actionId: string;
  authorName: string | null;
  status: ActionStatus | null;
  progress: number | null;
  comment: string;
  createdAt: Date;
}

const ACTION_COLUMNS = `a.id, a.assessment_id AS "assessmentId", a.dimension_key AS "dimensionKey", a.title,
  a.description, a.owner, to_char(a.starts_on, 'YYYY-MM-DD') AS "startsOn",
  to_char(a.ends_on, 'YYYY-MM-DD') AS "endsOn", a.resources, a.indicator, a.target, a.impact,
  a.feasibility, a.status, a.progress, a.revision, a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;

/**
 * The actions of an assessment (or one of them) with their progress logs, as the API shows them:
 * highest priority first, then the earliest start (undated last), then the oldest. Two queries
 * whatever the number of actions.
 */
export async function actionViews(
  db: EntityManager,
  dimensions: PlanDimension[],
  where: { assessmentId: string } | { actionId: string },
): Promise<ActionView[]> {
  const [condition, parameter] =
    'actionId' in where ? ['a.id = $1', where.actionId] : ['a.assessment_id = $1', where.assessmentId];
  const rows = (await db.query(
    `SELECT ${ACTION_COLUMNS} FROM dgca_action a WHERE ${condition}
      ORDER BY a.impact * a.feasibility DESC, a.starts_on NULLS LAST, a.created_at, a.id`,
    [parameter],
  )) as ActionRow[];
  if (rows.length === 0) return [];
  const updates = (await db.query(
    `SELECT u.id, u.action_id AS "actionId", p.display_name AS "authorName", u.status, u.progress,
            u.comment, u.created_at AS "createdAt"
       FROM dgca_action_update u LEFT JOIN user_account p ON p.id = u.author_id
      WHERE u.action_id = ANY($1::uuid[])
      ORDER BY u.created_at DESC, u.id DESC`,
    [rows.map((row) => row.id)],
  )) as UpdateRow[];
  const logs = new Map<string, ActionUpdateView[]>();
  for (const update of updates) {
    const log = logs.get(update.actionId) ?? [];
    log.push({
      id: update.id,
      author: update.authorName === null ? null : { displayName: update.authorName },
      status: update.status,
      progress: update.progress,
      comment: update.comment,
      createdAt: update.createdAt.toISOString(),
    });
    logs.set(update.actionId, log);
  }
  const names = new Map(dimensions.map((dimension) => [dimension.key, dimension.name]));
  return rows.map((row) => ({
    ...row,
    dimensionName: names.get(row.dimensionKey) ?? row.dimensionKey,
    priority: priorityOf(row.impact, row.feasibility),
    updates: logs.get(row.id) ?? [],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}
