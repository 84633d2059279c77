import type { ActivityKind } from '../activities/activity-kinds.js';
import { LessonContent } from './lesson-content.entity.js';
import { duplicateLessons } from './lesson-duplicate.js';
import { presentLesson } from './lesson-reader.js';
import { snapshotLessons } from './lesson-snapshot.js';

/** A page of rich text to read: the first activity kind. Its content starts as an empty document. */
export const lessonKind: ActivityKind = {
  kind: 'lesson',
  describe: { label: 'Lesson' },
  completedBy: 'learner',
  async onCreate(activityId, tx) {
    await tx.getRepository(LessonContent).insert({ activityId });
  },
  snapshot: snapshotLessons,
  duplicate: duplicateLessons,
  present: presentLesson,
};
