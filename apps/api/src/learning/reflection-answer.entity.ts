import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A learner's private answer to a reflection in a lesson; nobody else reads it. */
@Entity('reflection_answer')
export class ReflectionAnswer {
  @PrimaryColumn({ type: 'uuid' })
  enrolmentId!: string;

  @PrimaryColumn({ type: 'uuid' })
  reflectionId!: string;

  @Column({ type: 'uuid' })
  activityId!: string;

  @Column({ type: 'text' })
  answer!: string;

  /** The device time the answer was typed; a late retry never overwrites newer text. */
  @Column({ type: 'timestamptz' })
  writtenAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
