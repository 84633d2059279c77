import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A question of one course's bank. Its content lives in `question_version` rows, which never
 * change: editing inserts the next version and moves `currentVersion`. Archiving hides the question
 * from the bank but keeps its versions, which attempts refer to.
 */
@Entity('question')
export class BankQuestion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  courseId!: string;

  @Column({ type: 'text' })
  category!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  @Column({ type: 'integer', default: 1 })
  currentVersion!: number;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
