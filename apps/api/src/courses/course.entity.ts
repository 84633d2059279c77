import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum CourseLanguage {
  En = 'en',
  Es = 'es',
  Fr = 'fr',
}

export enum EnrolmentMode {
  Open = 'open',
  Invitation = 'invitation',
  Cohort = 'cohort',
}

export enum CourseStatus {
  Draft = 'draft',
  Published = 'published',
  Archived = 'archived',
}

/** numeric comes back from pg as text; the API speaks numbers. */
const decimal = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** A course as its authors edit it: metadata; the outline is in course_module and activity. */
@Entity('course')
export class Course {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  slug!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  summary!: string;

  @Column({ type: 'text' })
  language!: CourseLanguage;

  /** The Curriculum on Governance toolkit the course comes from, if any. */
  @Column({ type: 'text', nullable: true })
  toolkit!: string | null;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  outcomes!: string[];

  @Column({ type: 'numeric', precision: 5, scale: 1, nullable: true, transformer: decimal })
  estimatedHours!: number | null;

  /** An image uploaded for the institution (stored_file); coverAlt describes it. */
  @Column({ type: 'uuid', nullable: true })
  coverFileId!: string | null;

  @Column({ type: 'text', nullable: true })
  coverAlt!: string | null;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  topics!: string[];

  /** Sustainable Development Goal numbers, 1–17. */
  @Column({ type: 'smallint', array: true, default: () => `'{}'` })
  sdgs!: number[];

  @Column({ type: 'text', default: EnrolmentMode.Open })
  enrolmentMode!: EnrolmentMode;

  @Column({ type: 'text', default: CourseStatus.Draft })
  status!: CourseStatus;

  /** The owning institution: its trainers and institution admins may edit the course. */
  @Column({ type: 'uuid' })
  institutionId!: string;

  /** Bumped by every change to the metadata or the outline; writers send the one they read. */
  @Column({ type: 'integer', default: 1 })
  revision!: number;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
