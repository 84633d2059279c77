import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { VersionSnapshot } from './version-snapshot.js';

/** An immutable published version of a course; `number` counts up from 1 per course. */
@Entity('course_version')
export class CourseVersion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  courseId!: string;

  @Column({ type: 'integer' })
  number!: number;

  @Column({ type: 'jsonb' })
  snapshot!: VersionSnapshot;

  @Column({ type: 'text', default: '' })
  changeLog!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  publishedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  publishedBy!: string | null;
}
