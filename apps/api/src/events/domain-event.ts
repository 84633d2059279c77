/** Something that happened in one module that others may act on; stored, then announced in-process. */
export interface DomainEvent<P extends object = object> {
  type: string;
  /** What the event is about (the enrolment for course.completed). */
  subjectId: string;
  payload: P;
}

export const COURSE_COMPLETED = 'course.completed';

/** A learner completed every required activity of their version of a course. Certificates listen to it. */
export interface CourseCompletedPayload {
  enrolmentId: string;
  userId: string;
  courseId: string;
  versionId: string;
  completedAt: string;
}
