import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Every message the platform sends, kept so a platform admin can read the outbox when no SMTP is set. */
@Entity('mail_message')
export class MailMessage {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  recipient!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  textBody!: string;

  @Column({ type: 'text' })
  htmlBody!: string;

  @Column({ type: 'text' })
  language!: string;

  @Column({ type: 'text' })
  template!: string;

  @Column({ type: 'text' })
  transport!: 'smtp' | 'outbox';

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;
}
