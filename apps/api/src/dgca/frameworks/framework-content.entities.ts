import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A dimension of one version; its `key` stays the same across versions so re-assessments compare. */
@Entity('dgca_dimension')
export class DgcaDimension {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  versionId!: string;

  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', default: '' })
  description!: string;
}

/** A statement participants rate on the version's scale. */
@Entity('dgca_statement')
export class DgcaStatement {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  dimensionId!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text', default: '' })
  guidance!: string;
}

/** A course (or one of its modules) recommended to close a gap in a dimension. */
@Entity('dgca_recommendation')
export class DgcaRecommendation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  dimensionId!: string;

  @Column({ type: 'uuid' })
  courseId!: string;

  @Column({ type: 'uuid', nullable: true })
  moduleId!: string | null;

  @Column({ type: 'integer' })
  position!: number;
}
