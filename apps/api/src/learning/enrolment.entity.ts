import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum EnrolmentSource {
  /** The learner enrolled in an open course. */
  Open = 'open',
  /** A trainer approved the learner's access request. */
  Request = 'request',
  Cohort = 'cohort',
  /** A trainer or administrator enrolled the learner. */
  Staff = 'staff',
}

/** A learner in a course, on one published version until a trainer moves them. */
@Entity('enrolment')
export class Enrolment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  courseId!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'uuid' })
  versionId!: string;

  @Column({ type: 'text' })
  source!: EnrolmentSource;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  enrolledAt!: Date;

  /** Set once, when every required activity of the learner's version is complete. */
  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  /** Where "continue" goes: the activity opened most recently, by the device's clock. */
  @Column({ type: 'uuid', nullable: true })
  lastActivityId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastVisitedAt!: Date | null;
}
