import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { TokenScope } from './auth-context.js';

/** A personal API token for integrations, sent as `Authorization: Bearer <token>`. Only its hash is kept. */
@Entity('api_token')
export class ApiToken {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'bytea', select: false })
  tokenHash!: Buffer;

  /** The first characters of the token, shown so people can tell their tokens apart. */
  @Column({ type: 'text' })
  prefix!: string;

  @Column({ type: 'text', array: true })
  scopes!: TokenScope[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
