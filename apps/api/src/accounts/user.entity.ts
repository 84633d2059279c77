import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type AccountStatus = 'active' | 'deactivated' | 'deleted';

/** A person with an account. Named `user_account` in the database because `user` is reserved. */
@Entity('user_account')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored as given; uniqueness ignores case (a unique index on lower(email)). */
  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  displayName!: string;

  /** argon2id hash in PHC string format. */
  @Column({ type: 'text', select: false })
  passwordHash!: string;

  @Column({ type: 'text', default: 'en' })
  preferredLanguage!: string;

  /** Project staff who run the whole platform; other roles belong to an institution. */
  @Column({ type: 'boolean', default: false })
  isPlatformAdmin!: boolean;

  @Column({
    type: 'enum',
    enum: ['active', 'deactivated', 'deleted'],
    enumName: 'account_status',
    default: 'active',
  })
  status!: AccountStatus;

  @Column({ type: 'timestamptz', nullable: true })
  emailVerifiedAt!: Date | null;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'char', length: 2, nullable: true })
  country!: string | null;

  /** Ministry, department or agency. */
  @Column({ type: 'text', nullable: true })
  department!: string | null;

  @Column({ type: 'text', nullable: true })
  jobTitle!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  passwordChangedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
