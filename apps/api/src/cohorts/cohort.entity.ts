import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A group of learners an institution trains together on one or more courses. Start and end are
 * calendar days (YYYY-MM-DD strings, never shifted by a time zone); the enrolment window is two
 * instants. Closed cohorts are read-only. `version` guards edits made from a stale form.
 */
@Entity('cohort')
export class Cohort {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  institutionId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'date', nullable: true })
  startsOn!: string | null;

  @Column({ type: 'date', nullable: true })
  endsOn!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  enrolmentOpensAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  enrolmentClosesAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  closedBy!: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ type: 'integer', default: 1 })
  version!: number;
}

export type CohortStatus = 'open' | 'closed';

export const statusOf = (cohort: Cohort): CohortStatus => (cohort.closedAt ? 'closed' : 'open');
