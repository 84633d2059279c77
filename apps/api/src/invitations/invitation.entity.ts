import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { InstitutionRole } from '../accounts/membership.entity.js';

/**
 * An offer to join an institution with a role, sent by e-mail. Only the token's hash is kept; one
 * open invitation per address and institution (a partial unique index), used at most once.
 */
@Entity('invitation')
export class Invitation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'uuid' })
  institutionId!: string;

  @Column({ type: 'enum', enum: InstitutionRole, enumName: 'institution_role' })
  role!: InstitutionRole;

  @Column({ type: 'text', default: 'en' })
  language!: string;

  @Column({ type: 'bytea', select: false })
  tokenHash!: Buffer;

  @Column({ type: 'uuid', nullable: true })
  invitedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  acceptedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}

export type InvitationStatus = 'open' | 'accepted' | 'revoked' | 'expired';

export function statusOf(invitation: Invitation, now = new Date()): InvitationStatus {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  return invitation.expiresAt.getTime() <= now.getTime() ? 'expired' : 'open';
}
