import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Question, QuestionType } from '../questions/index.js';

/** One immutable version of a question: its body holds the answer key and never reaches a learner. */
@Entity('question_version')
export class QuestionVersion {
  @PrimaryColumn({ type: 'uuid' })
  questionId!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  type!: QuestionType;

  /** A short title for the bank browser. */
  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'jsonb' })
  body!: Question;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;
}
