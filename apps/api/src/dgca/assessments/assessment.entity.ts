import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ASSESSMENT_STATUSES = ['draft', 'individual', 'consensus', 'completed'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const ASSESSMENT_SUBJECTS = ['country', 'institution'] as const;
export type AssessmentSubject = (typeof ASSESSMENT_SUBJECTS)[number];

/**
 * One self-assessment of a country or an institution on a published framework version, run by the
 * administrators of `institutionId`. Dates are calendar days (YYYY-MM-DD strings); `revision`
 * guards edits made from a stale form.
 */
@Entity('dgca_assessment')
export class Assessment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  versionId!: string;

  @Column({ type: 'uuid' })
  institutionId!: string;

  @Column({ type: 'text' })
  subject!: AssessmentSubject;

  @Column({ type: 'text' })
  country!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'text', default: 'draft' })
  status!: AssessmentStatus;

  @Column({ type: 'date', nullable: true })
  startsOn!: string | null;

  @Column({ type: 'date', nullable: true })
  individualDueOn!: string | null;

  @Column({ type: 'date', nullable: true })
  consensusOn!: string | null;

  @Column({ type: 'uuid', nullable: true })
  previousAssessmentId!: string | null;

  @Column({ type: 'boolean', default: false })
  regionalOptIn!: boolean;

  @Column({ type: 'integer', default: 1 })
  revision!: number;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  individualOpenedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  consensusOpenedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}
