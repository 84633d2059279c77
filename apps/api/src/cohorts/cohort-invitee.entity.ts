import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What the institution told us about an invitee; applied to the account they create. */
export interface InviteeReporting {
  sex: string | null;
  ageBand: string | null;
  disability: string | null;
  islandRegion: string | null;
}

/**
 * A person invited into the cohort who has no account yet. Accepting the invitation turns the row
 * into a cohort member (see CohortInvitationHook).
 */
@Entity('cohort_invitee')
export class CohortInvitee {
  @PrimaryColumn({ type: 'uuid' })
  cohortId!: string;

  @PrimaryColumn({ type: 'uuid' })
  invitationId!: string;

  @Column({ type: 'text', nullable: true })
  displayName!: string | null;

  @Column({ type: 'char', length: 2, nullable: true })
  country!: string | null;

  @Column({ type: 'text', nullable: true })
  department!: string | null;

  @Column({ type: 'text', nullable: true })
  jobTitle!: string | null;

  /** Reporting answers the institution attested consent for; null when none were given. */
  @Column({ type: 'jsonb', nullable: true })
  reporting!: InviteeReporting | null;

  /** How they were added: by hand or by an import. */
  @Column({ type: 'text', default: 'manual' })
  source!: 'manual' | 'import';

  @Column({ type: 'uuid', nullable: true })
  addedBy!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  addedAt!: Date;
}
