import { Column, Entity, PrimaryColumn } from 'typeorm';

export type CohortMemberSource = 'manual' | 'import' | 'invitation' | 'move';

/** A learner in the cohort. Their progress lives on their enrolments, so leaving keeps it. */
@Entity('cohort_member')
export class CohortMember {
  @PrimaryColumn({ type: 'uuid' })
  cohortId!: string;

  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  source!: CohortMemberSource;

  @Column({ type: 'uuid', nullable: true })
  addedBy!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  addedAt!: Date;
}
