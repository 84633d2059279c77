import { Module } from '@nestjs/common';

/**
 * Playing SCORM packages (ADR 0016): launching SCOs through sequencing, the commit endpoint the
 * runtime API posts to, resume, completion into course progress, and trainers' views of attempts.
 */
@Module({})
export class ScormRuntimeModule {}
