import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A scorm activity's draft: the package it plays now (null until one is uploaded). */
@Entity('scorm_content')
export class ScormContent {
  @PrimaryColumn({ type: 'uuid' })
  activityId!: string;

  @Column({ type: 'uuid', nullable: true })
  packageId!: string | null;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  updatedBy!: string | null;
}
