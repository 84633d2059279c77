import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssessmentAccess } from './assessment-access.service.js';
import { Assessment } from './assessment.entity.js';

/** Assessments, their participants and the individual round's ratings. */
@Module({
  imports: [TypeOrmModule.forFeature([Assessment])],
  providers: [AssessmentAccess],
  exports: [AssessmentAccess, TypeOrmModule],
})
export class DgcaAssessmentsModule {}
