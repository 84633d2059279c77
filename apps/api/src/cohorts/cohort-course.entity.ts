import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A course the cohort's members are enrolled in. */
@Entity('cohort_course')
export class CohortCourse {
  @PrimaryColumn({ type: 'uuid' })
  cohortId!: string;

  @PrimaryColumn({ type: 'uuid' })
  courseId!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  addedAt!: Date;
}
