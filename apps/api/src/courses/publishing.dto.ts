import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength } from 'class-validator';
import { ProblemDetails } from '../common/problem/problem-details.js';
import { RevisionRules } from './course-rules.js';
import { trim } from '../common/validation/text-rules.js';

export class PublishCourseRequest {
  @RevisionRules()
  revision!: number;

  @ApiProperty({
    maxLength: 5000,
    example: 'Module 3 has a new lesson on service design.',
    description: 'What changed since the previous version, for authors and for learners deciding to move.',
  })
  @Transform(trim)
  @IsString({ message: 'changeLog must be text' })
  @MaxLength(5000, { message: 'changeLog must be at most 5000 characters' })
  changeLog!: string;
}

export class CourseVersionSummary {
  @ApiProperty({ example: 2, description: 'Counts up from 1 per course.' })
  number!: number;

  @ApiProperty({ format: 'date-time' })
  publishedAt!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Who published it; null if the account is gone.',
  })
  publishedBy!: string | null;

  @ApiProperty()
  changeLog!: string;
}

export class CourseVersionList {
  @ApiProperty({ type: [CourseVersionSummary], description: 'Newest first.' })
  items!: CourseVersionSummary[];
}

export class PublishProblemEntry {
  @ApiProperty({
    example: 'modules[2].activities[0]',
    description: 'Where in the course, as in the outline.',
  })
  path!: string;

  @ApiProperty({ example: '"Welcome": the lesson is empty' })
  message!: string;
}

/** 422 not-publishable: every problem at once, so the author can fix them in one pass. */
export class NotPublishableProblem extends ProblemDetails {
  @ApiProperty({ type: [PublishProblemEntry] })
  problems!: PublishProblemEntry[];
}
