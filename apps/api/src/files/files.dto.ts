import { ApiProperty, type ApiBodyOptions } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { StoredFile } from './stored-file.entity.js';
import { ACCEPTED_MEDIA_TYPES } from './upload-rules.js';

/** Where a stored file is served: also what lesson images and links point to. */
export const fileUrl = (id: string) => `/api/files/${id}`;

export class UploadFileQuery {
  @ApiProperty({
    format: 'uuid',
    description: "The institution the file belongs to (the course's owner); you must author there.",
  })
  @IsUUID('all', { message: 'institutionId must be a UUID' })
  institutionId!: string;
}

/** The OpenAPI description of the multipart body: one part named `file`. */
export const UPLOAD_BODY: ApiBodyOptions = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: {
      file: {
        type: 'string',
        format: 'binary',
        description: `The file; its type is judged from its content: ${ACCEPTED_MEDIA_TYPES.join(', ')}.`,
      },
    },
  },
};

export class StoredFileView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    example: '/api/files/2b0c5d0e-4f1e-4a7b-9d7e-3c1f0a6b8e21',
    description: 'Where the file is served; use it as an image src or a link href.',
  })
  url!: string;

  @ApiProperty({ enum: ACCEPTED_MEDIA_TYPES, description: 'Judged from the content.' })
  mediaType!: string;

  @ApiProperty({ example: 48213 })
  byteSize!: number;

  @ApiProperty({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' })
  sha256!: string;

  @ApiProperty({ example: 'workshop-photo.jpg', description: 'The uploaded file name, cleaned.' })
  originalName!: string;

  @ApiProperty({ format: 'uuid' })
  institutionId!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  static from(file: StoredFile): StoredFileView {
    return {
      id: file.id,
      url: fileUrl(file.id),
      mediaType: file.mediaType,
      byteSize: file.byteSize,
      sha256: file.sha256,
      originalName: file.originalName,
      institutionId: file.institutionId,
      createdAt: file.createdAt.toISOString(),
    };
  }
}
