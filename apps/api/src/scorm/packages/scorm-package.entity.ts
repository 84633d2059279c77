import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PackageProblem, ScormManifest, ScormVersion } from '../package/manifest/index.js';

/** Postgres bigint arrives as a string; package sizes stay far below 2^53. */
const bigintAsNumber = {
  to: (value: number) => value,
  from: (value: string | number) => Number(value),
};

/**
 * One uploaded SCORM zip, extracted once into `<SCORM_DIR>/<id>/` and never changed: a new upload
 * is a new package, so a published version keeps playing the one it was published with.
 */
@Entity('scorm_package')
export class ScormPackage {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  courseId!: string;

  /** The activity it was uploaded to (no foreign key: versions outlive a deleted draft activity). */
  @Column({ type: 'uuid' })
  activityId!: string;

  @Column({ type: 'text' })
  scormVersion!: ScormVersion;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  originalName!: string;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  zipBytes!: number;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  unpackedBytes!: number;

  @Column({ type: 'integer' })
  fileCount!: number;

  @Column({ type: 'text' })
  sha256!: string;

  /** The manifest as read at import (ADR 0015): what snapshots and views are built from. */
  @Column({ type: 'jsonb' })
  manifest!: ScormManifest;

  @Column({ type: 'jsonb' })
  warnings!: PackageProblem[];

  @Column({ type: 'uuid', nullable: true })
  uploadedBy!: string | null;

  @Column({ type: 'timestamptz' })
  uploadedAt!: Date;
}
