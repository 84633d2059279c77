import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ScaleLevel } from './scale.js';

export const VERSION_STATUSES = ['draft', 'published'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/**
 * One version of a framework's content. A draft is edited in place (`revision` guards edits made
 * from a stale form); publishing freezes it for good, because assessments point at it.
 */
@Entity('dgca_framework_version')
export class DgcaFrameworkVersion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  frameworkId!: string;

  @Column({ type: 'integer' })
  number!: number;

  @Column({ type: 'text' })
  status!: VersionStatus;

  @Column({ type: 'text', default: 'en' })
  language!: string;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  scale!: ScaleLevel[];

  @Column({ type: 'integer', default: 1 })
  revision!: number;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  publishedBy!: string | null;
}
