export { ContentError } from './errors.js';
export { parseFrontMatter } from './front-matter.js';
export type { FrontMatter, FrontMatterValue } from './front-matter.js';
export { parseModule } from './module.js';
export { defaultCoursesDir, loadCourse, loadCourses } from './course.js';
export { loadQuestionBank } from './question-banks.js';
export { scormPackageDir } from './scorm-packages.js';
export { countWords } from './words.js';
export type { Course, Enrolment, Item, Module } from './types.js';
