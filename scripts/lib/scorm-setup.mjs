// What the SCORM conformance script and benchmark set up through the API, as a trainer and learners
// would: a course with SCORM activities, package uploads (streamed from disk, never read whole),
// publishing, enrolment, and reading back what the runtime stored through the trainer's routes.
import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';

/** The institution the demo trainer trains for. */
export async function trainerInstitution(trainer) {
  const me = await trainer.call('GET', '/api/me');
  const membership = me.memberships.find((m) => m.role === 'trainer');
  if (!membership) throw new Error('The demo trainer has no trainer membership');
  return membership.institutionId;
}

/** A draft open course of one module holding a SCORM activity per title; answers their ids. */
export async function createScormCourse(trainer, title, activityTitles) {
  const institutionId = await trainerInstitution(trainer);
  const course = await trainer.call('POST', '/api/studio/courses', {
    slug: `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${Date.now().toString(36)}`.slice(0, 60),
    title,
    summary: 'SCORM packages played end to end.',
    language: 'en',
    institutionId,
    enrolmentMode: 'open',
  });
  const { revision } = await trainer.call('GET', `/api/studio/courses/${course.id}`);
  const module = await trainer.call('POST', `/api/studio/courses/${course.id}/modules`, {
    revision,
    title: 'SCORM',
  });
  let current = module.course.revision;
  const activityIds = [];
  for (const activityTitle of activityTitles) {
    const activity = await trainer.call(
      'POST',
      `/api/studio/courses/${course.id}/modules/${module.id}/activities`,
      { revision: current, kind: 'scorm', title: activityTitle },
    );
    current = activity.course.revision;
    activityIds.push(activity.id);
  }
  return { id: course.id, slug: course.slug, activityIds };
}

/**
 * Uploads a zip from disk as multipart/form-data (one part, `file`). The file is a Blob backed by
 * the file, so a 200 MB package is streamed, not held in this process. Answers status and body.
 */
export async function uploadPackage(base, person, activityId, zipPath) {
  const form = new FormData();
  form.set('file', await openAsBlob(zipPath, { type: 'application/zip' }), basename(zipPath));
  const response = await fetch(`${base}/api/studio/scorm/${activityId}/package`, {
    method: 'POST',
    headers: person.headers,
    body: form,
  });
  const text = await response.text();
  let body = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (a proxy's page, say): kept as text for the report.
  }
  return { status: response.status, body };
}

export async function publishCourse(trainer, courseId, changeLog) {
  const { revision } = await trainer.call('GET', `/api/studio/courses/${courseId}`);
  await trainer.call('POST', `/api/studio/courses/${courseId}/publish`, { revision, changeLog });
}

/** Every page of a paginated list (`{ items, page, pageSize, total }`). */
export async function allPages(person, path) {
  const items = [];
  const separator = path.includes('?') ? '&' : '?';
  for (let page = 1; ; page += 1) {
    const list = await person.call('GET', `${path}${separator}page=${page}&pageSize=100`);
    items.push(...list.items);
    if (list.items.length === 0 || items.length >= list.total) return items;
  }
}

/** The learner rows of the trainer's SCORM report (ScormLearnerRow: enrolmentId, userId, …). */
export const scormLearners = (trainer, activityId) =>
  allPages(trainer, `/api/studio/scorm/${activityId}/learners`);

/** A learner's attempts of each SCO with their stored runtime data (ScormLearnerDetail). */
export const scormLearnerDetail = (trainer, activityId, enrolmentId) =>
  trainer.call('GET', `/api/studio/scorm/${activityId}/learners/${enrolmentId}`);

/** The location in a launch's cmi (the object under `cmi.`): 1.2 core.lesson_location, 2004 location. */
export const locationIn = (cmi) => cmi?.location ?? cmi?.core?.lesson_location;
