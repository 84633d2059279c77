import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { IssuerPublicJwk } from '../credentials/issuer-key.js';

/** An Ed25519 key that signs credentials; the private half only ever stored sealed (ADR 0017). */
@Entity('issuer_key')
export class IssuerKey {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The RFC 7638 thumbprint of the public key: what a credential's header names. */
  @Column({ type: 'text', unique: true })
  kid!: string;

  @Column({ type: 'jsonb' })
  publicJwk!: IssuerPublicJwk;

  /** `v1.<iv>.<tag>.<ciphertext>` under CREDENTIAL_KEY_SECRET, the kid bound in. */
  @Column({ type: 'text' })
  sealedPrivateKey!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  /** Set when a rotation replaced it; it stays published so what it signed keeps verifying. */
  @Column({ type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;
}
