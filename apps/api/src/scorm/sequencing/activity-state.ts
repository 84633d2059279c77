/** An objective's tracking status; null = unknown. */
export interface ObjectiveState {
  satisfied: boolean | null;
  measure: number | null;
}

/** What sequencing knows of one activity for the learner (SN book's tracking model, one attempt deep). */
export interface ActivityState {
  attemptCount: number;
  attempted: boolean;
  suspended: boolean;
  /** The SCO (for a cluster: one of its SCOs) is running now. */
  active: boolean;
  tracked: boolean;
  /** Attempt completion status; null = progress unknown. */
  completed: boolean | null;
  /** Attempt progress measure (0..1); null = unknown. */
  progressMeasure: number | null;
  primary: ObjectiveState;
  /** Non-primary objectives by objectiveID. */
  others: Map<string, ObjectiveState>;
  /** Only the activity's own pre-condition rules (not inherited). */
  skip: boolean;
  disabled: boolean;
  hiddenFromChoice: boolean;
  stopForwardTraversal: boolean;
  limitExceeded: boolean;
}

export const UNKNOWN_OBJECTIVE: ObjectiveState = { satisfied: null, measure: null };
