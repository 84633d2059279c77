import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum AccessRequestStatus {
  Pending = 'pending',
  Approved = 'approved',
  Declined = 'declined',
}

/** A learner asking to join a course that is by invitation; its trainers approve or decline. */
@Entity('access_request')
export class AccessRequest {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  courseId!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'text', default: AccessRequestStatus.Pending })
  status!: AccessRequestStatus;

  @Column({ type: 'text', default: '' })
  message!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  decidedBy!: string | null;
}
