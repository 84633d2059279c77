import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ACTION_STATUSES = ['planned', 'in-progress', 'done', 'on-hold', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/**
 * One action of an assessment's plan, drawn from a gap: a dimension (by key, stable across
 * framework versions), who does what by when, how success is measured, and its priority as impact
 * and feasibility (do-ability), each 1–3. Dates are calendar days (YYYY-MM-DD strings); `revision`
 * guards edits made from a stale form.
 */
@Entity('dgca_action')
export class PlanAction {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  assessmentId!: string;

  @Column({ type: 'text' })
  dimensionKey!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'text', default: '' })
  owner!: string;

  @Column({ type: 'date', nullable: true })
  startsOn!: string | null;

  @Column({ type: 'date', nullable: true })
  endsOn!: string | null;

  @Column({ type: 'text', default: '' })
  resources!: string;

  @Column({ type: 'text', default: '' })
  indicator!: string;

  @Column({ type: 'text', default: '' })
  target!: string;

  @Column({ type: 'smallint' })
  impact!: number;

  @Column({ type: 'smallint' })
  feasibility!: number;

  @Column({ type: 'text', default: 'planned' })
  status!: ActionStatus;

  @Column({ type: 'smallint', default: 0 })
  progress!: number;

  @Column({ type: 'integer', default: 1 })
  revision!: number;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

/** A progress report on an action: a comment, and the status or progress it set, if any. */
@Entity('dgca_action_update')
export class PlanActionUpdate {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  actionId!: string;

  @Column({ type: 'uuid', nullable: true })
  authorId!: string | null;

  @Column({ type: 'text', nullable: true })
  status!: ActionStatus | null;

  @Column({ type: 'smallint', nullable: true })
  progress!: number | null;

  @Column({ type: 'text' })
  comment!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
