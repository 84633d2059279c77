import { Entity, PrimaryColumn } from 'typeorm';

/** A trainer (or administrator) of the institution who follows the cohort: they may read it. */
@Entity('cohort_facilitator')
export class CohortFacilitator {
  @PrimaryColumn({ type: 'uuid' })
  cohortId!: string;

  @PrimaryColumn({ type: 'uuid' })
  userId!: string;
}
