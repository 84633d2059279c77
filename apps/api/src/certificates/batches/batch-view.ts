/** Where a batch stands. */
export type BatchStatus = 'queued' | 'running' | 'done' | 'failed';

/** What happened for one learner: IssueOutcome's names, or `failed` for an unexpected error. */
export const BATCH_OUTCOMES = [
  'issued',
  'pending_approval',
  'already_has_one',
  'not_completed',
  'not_enrolled',
  'disabled',
  'failed',
] as const;
export type BatchOutcome = (typeof BATCH_OUTCOMES)[number];

export interface BatchView {
  id: string;
  courseId: string;
  status: BatchStatus;
  total: number | null;
  processed: number;
  issued: number;
  skipped: number;
  reason: string;
  requestedBy: { id: string; name: string };
  /** The cohort whose members the batch goes through, named as when it was requested. */
  cohort: { id: string; name: string } | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

export interface BatchItemView {
  userId: string;
  learnerName: string;
  outcome: BatchOutcome;
  certificateId: string | null;
}

/** certificate_batch with its requester's name, as BATCH_COLUMNS selects it. */
export interface BatchRow {
  id: string;
  course_id: string;
  status: BatchStatus;
  total: number | null;
  processed: number;
  issued: number;
  skipped: number;
  reason: string;
  requested_by: string;
  requested_by_name: string;
  cohort_id: string | null;
  cohort_name: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  error: string | null;
}

export const BATCH_COLUMNS = `b.id, b.course_id, b.status, b.total, b.processed, b.issued, b.skipped, b.reason,
  b.requested_by, u.display_name AS requested_by_name, b.cohort_id, b.cohort_name, b.created_at, b.started_at, b.finished_at, b.error`;

export const BATCH_FROM = `certificate_batch b JOIN user_account u ON u.id = b.requested_by`;

export const batchView = (row: BatchRow): BatchView => ({
  id: row.id,
  courseId: row.course_id,
  status: row.status,
  total: row.total,
  processed: row.processed,
  issued: row.issued,
  skipped: row.skipped,
  reason: row.reason,
  requestedBy: { id: row.requested_by, name: row.requested_by_name },
  cohort: row.cohort_id && row.cohort_name ? { id: row.cohort_id, name: row.cohort_name } : null,
  createdAt: row.created_at.toISOString(),
  startedAt: row.started_at?.toISOString() ?? null,
  finishedAt: row.finished_at?.toISOString() ?? null,
  error: row.error,
});
