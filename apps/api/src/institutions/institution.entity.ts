import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum InstitutionKind {
  SchoolOfPublicAdministration = 'school_of_public_administration',
  Ministry = 'ministry',
  RegionalBody = 'regional_body',
}

/** A school of public administration, a ministry or a regional body; people belong to it with a role. */
@Entity('institution')
export class Institution {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Stable, readable identifier used in URLs and imports. */
  @Column({ type: 'text', unique: true })
  slug!: string;

  /** ISO 3166-1 alpha-2 code; regional bodies use the country of their seat. */
  @Column({ type: 'char', length: 2 })
  country!: string;

  @Column({ type: 'enum', enum: InstitutionKind, enumName: 'institution_kind' })
  kind!: InstitutionKind;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
