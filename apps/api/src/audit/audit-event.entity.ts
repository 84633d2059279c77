import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Who did what, when and from where. Append-only: a database trigger refuses updates and deletes. */
@Entity('audit_event')
export class AuditEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;

  /** `area.verb`, e.g. `auth.sign_in`, `membership.role_changed`. */
  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  /** Kept as it was at the time, so the log stays readable after an account is anonymised. */
  @Column({ type: 'text', nullable: true })
  actorEmail!: string | null;

  @Column({ type: 'text', nullable: true })
  targetType!: string | null;

  @Column({ type: 'text', nullable: true })
  targetId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  institutionId!: string | null;

  @Column({ type: 'inet', nullable: true })
  ip!: string | null;

  @Column({ type: 'text', nullable: true })
  userAgent!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  details!: Record<string, unknown>;
}
