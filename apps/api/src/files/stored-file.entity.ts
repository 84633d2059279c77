import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An uploaded file: what its content was found to be, who uploaded it for which institution, and
 * where the storage keeps the bytes. Immutable: a changed image is a new upload with a new id, so
 * the file's address can be cached for ever.
 */
@Entity('stored_file')
export class StoredFile {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The institution whose authors uploaded it (the course's owner). */
  @Column({ type: 'uuid' })
  institutionId!: string;

  @Column({ type: 'uuid', nullable: true })
  uploadedBy!: string | null;

  /** Judged from the bytes, never from the name or the browser's claim. */
  @Column({ type: 'text' })
  mediaType!: string;

  @Column({ type: 'integer' })
  byteSize!: number;

  /** Hex SHA-256 of the content: the ETag, and a way to spot the same file uploaded twice. */
  @Column({ type: 'text' })
  sha256!: string;

  /** The name on the author's computer, cleaned; used for downloads. */
  @Column({ type: 'text' })
  originalName!: string;

  /** Where the storage keeps the bytes (a path under the storage folder, or an object key). */
  @Column({ type: 'text' })
  storageKey!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
