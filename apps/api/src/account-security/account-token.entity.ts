import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AccountTokenPurpose = 'verify_email' | 'reset_password' | 'change_email';

/** A single-use, expiring secret mailed to a person (verify, reset, change e-mail). Only its hash is kept. */
@Entity('account_token')
export class AccountToken {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({
    type: 'enum',
    enum: ['verify_email', 'reset_password', 'change_email'],
    enumName: 'account_token_purpose',
  })
  purpose!: AccountTokenPurpose;

  @Column({ type: 'bytea', select: false })
  tokenHash!: Buffer;

  /** The address being confirmed, for `change_email` only. */
  @Column({ type: 'text', nullable: true })
  newEmail!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}
