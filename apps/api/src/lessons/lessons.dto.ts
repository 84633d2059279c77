import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsObject, Min } from 'class-validator';

const DOCUMENT = {
  type: 'object',
  additionalProperties: true,
  description: 'The lesson as tiptap JSON: `{"type": "doc", "content": [...]}` with the allowed nodes only.',
} as const;

export class LessonContentView {
  @ApiProperty({ description: "The lesson activity's title, as the course outline shows it." })
  title!: string;

  @ApiProperty({ format: 'uuid', description: 'The course the lesson belongs to.' })
  courseId!: string;

  @ApiProperty({ description: "The course's title, for the way back to it." })
  courseTitle!: string;

  @ApiProperty({ description: 'An archived course is read-only: saving answers 409 until it is restored.' })
  courseArchived!: boolean;

  @ApiProperty({
    format: 'uuid',
    description: "The course's institution: images and PDFs for the lesson are uploaded for it.",
  })
  institutionId!: string;

  @ApiProperty(DOCUMENT)
  document!: Record<string, unknown>;

  @ApiProperty({ example: 4, description: "The lesson's own revision; send it back when saving." })
  revision!: number;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class SaveLessonRequest {
  @ApiProperty(DOCUMENT)
  @IsObject({ message: 'document must be a tiptap JSON object' })
  document!: Record<string, unknown>;

  @ApiProperty({
    example: 4,
    description: 'The lesson revision the edit is based on; a stale one gets a 409 with the newer document.',
  })
  @IsInt({ message: 'revision must be a whole number' })
  @Min(1, { message: 'revision must be at least 1' })
  revision!: number;
}
