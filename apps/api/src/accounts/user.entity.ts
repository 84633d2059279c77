import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
