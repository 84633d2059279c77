import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export const WEB_APPS = ['learner', 'authoring'] as const;

/** What a web app's error page sends when a page crashes, so that operators hear of it. */
export class ClientErrorReport {
  @ApiProperty({ enum: WEB_APPS })
  @IsIn(WEB_APPS)
  app!: (typeof WEB_APPS)[number];

  @ApiProperty({ maxLength: 1000, example: 'Cannot read properties of undefined' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  message!: string;

  @ApiPropertyOptional({ maxLength: 8000 })
  @IsOptional()
  @IsString()
  @MaxLength(8000)
  stack?: string;

  @ApiProperty({ maxLength: 2000, example: '/courses/innovation' })
  @IsString()
  @MaxLength(2000)
  path!: string;
}
