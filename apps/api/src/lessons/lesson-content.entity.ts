import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The rich-text document of a lesson activity, as tiptap JSON, with its own revision for autosave. */
@Entity('lesson_content')
export class LessonContent {
  @PrimaryColumn({ type: 'uuid' })
  activityId!: string;

  @Column({ type: 'jsonb' })
  document!: Record<string, unknown>;

  @Column({ type: 'integer', default: 1 })
  revision!: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  updatedBy!: string | null;
}
