import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

export enum InstitutionRole {
  Learner = 'learner',
  Trainer = 'trainer',
  InstitutionAdmin = 'institution_admin',
}

/** A person's role in one institution. Institutions are referenced by id only (their module owns them). */
@Entity('membership')
@Unique('membership_user_institution_unique', ['userId', 'institutionId'])
export class Membership {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'uuid' })
  institutionId!: string;

  @Column({ type: 'enum', enum: InstitutionRole, enumName: 'institution_role' })
  role!: InstitutionRole;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
