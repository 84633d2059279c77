import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * One step of a module. Its id stays the same across published versions, so a learner's progress
 * can follow the activity; what it contains belongs to its kind's module (lesson_content, …).
 */
@Entity('activity')
export class Activity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  moduleId!: string;

  /** 0-based, without gaps within the module. */
  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  title!: string;

  /** Whether course completion waits for it. */
  @Column({ type: 'boolean', default: true })
  required!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
