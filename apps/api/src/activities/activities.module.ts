import { Module } from '@nestjs/common';
import { ActivityKinds } from './activity-kinds.js';

/** Holds the activity-kind registry; kind modules import it to register, the courses module to ask. */
@Module({
  providers: [ActivityKinds],
  exports: [ActivityKinds],
})
export class ActivitiesModule {}
