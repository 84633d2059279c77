import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The day by which the cohort's members should have completed a module of one of its courses. */
@Entity('cohort_deadline')
export class CohortDeadline {
  @PrimaryColumn({ type: 'uuid' })
  cohortId!: string;

  @PrimaryColumn({ type: 'uuid' })
  moduleId!: string;

  @Column({ type: 'uuid' })
  courseId!: string;

  /** YYYY-MM-DD. */
  @Column({ type: 'date' })
  dueOn!: string;
}
