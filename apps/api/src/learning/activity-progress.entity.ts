import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A learner's progress in one activity, keyed by the activity's stable id rather than by version,
 * so it carries over when the learner moves to a newer version that still has the activity.
 */
@Entity('activity_progress')
export class ActivityProgress {
  @PrimaryColumn({ type: 'uuid' })
  enrolmentId!: string;

  @PrimaryColumn({ type: 'uuid' })
  activityId!: string;

  @Column({ type: 'text' })
  status!: 'started' | 'completed';

  /** Where in the activity the learner was: `{ anchor, fraction }`. */
  @Column({ type: 'jsonb', nullable: true })
  position!: { anchor?: string | null; fraction: number } | null;

  /** The device time of the stored position; an older write does not replace it. */
  @Column({ type: 'timestamptz', nullable: true })
  positionAt!: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  firstViewedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
