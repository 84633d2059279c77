import { Column, Entity, PrimaryColumn } from 'typeorm';

export const SEX_VALUES = ['female', 'male', 'another', 'prefer_not_to_say'] as const;
export const AGE_BANDS = [
  'under_25',
  '25_34',
  '35_44',
  '45_54',
  '55_64',
  '65_plus',
  'prefer_not_to_say',
] as const;
export const DISABILITY_VALUES = ['yes', 'no', 'prefer_not_to_say'] as const;

/**
 * Optional facts used only for disaggregated reporting. The row exists only while the person
 * consents; withdrawing deletes it.
 */
@Entity('reporting_profile')
export class ReportingProfile {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'text', nullable: true })
  sex!: (typeof SEX_VALUES)[number] | null;

  @Column({ type: 'text', nullable: true })
  ageBand!: (typeof AGE_BANDS)[number] | null;

  @Column({ type: 'text', nullable: true })
  disability!: (typeof DISABILITY_VALUES)[number] | null;

  @Column({ type: 'text', nullable: true })
  islandRegion!: string | null;

  @Column({ type: 'timestamptz' })
  consentedAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
