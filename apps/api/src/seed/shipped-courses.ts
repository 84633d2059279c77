import { createHash } from 'node:crypto';
import type { Course as ContentCourse, Module as ContentModule } from '@archipelago/content';
import { markdownToDocument, type BlockNode, type RichTextDocument } from '../rich-text/index.js';

/** One lesson activity to create, with its document. */
export interface SeedLesson {
  title: string;
  document: RichTextDocument;
}

export interface SeedModule {
  title: string;
  summary: string;
  objectives: string[];
  estimatedMinutes: number;
  lessons: SeedLesson[];
}

/**
 * A UUID (in the version 5 layout) made from a SHA-1 of the name, so that a reflection seeded on
 * two machines, or twice, has the same id, and learners' answers keyed by it stay attached.
 */
export function stableUuid(name: string): string {
  const bytes = createHash('sha1').update(`archipelago:${name}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const reflectionId = (courseSlug: string, moduleNumber: number, prompt: string) =>
  stableUuid(`reflection:${courseSlug}:${moduleNumber}:${prompt}`);

/**
 * A content module as the activities to create: each lesson and each activity becomes a `lesson`
 * activity; a reflection joins the document of the item before it, as a reflection block followed
 * by its guidance, since a reflection is a question asked while reading, not a page of its own.
 */
export function seedModule(courseSlug: string, module: ContentModule): SeedModule {
  const lessons: SeedLesson[] = [];
  for (const item of module.items) {
    if (item.kind === 'reflection') {
      const previous = lessons.at(-1);
      if (!previous) {
        throw new Error(
          `${courseSlug} module ${module.number}: a reflection must follow a lesson or an activity`,
        );
      }
      const reflection: BlockNode = {
        type: 'reflection',
        attrs: { id: reflectionId(courseSlug, module.number, item.prompt), prompt: item.prompt },
      };
      const guidance = item.guidance ? markdownToDocument(item.guidance).content : [];
      previous.document = {
        type: 'doc',
        content: [...previous.document.content, reflection, ...guidance],
      };
    } else {
      lessons.push({ title: item.title, document: markdownToDocument(item.markdown) });
    }
  }
  const { title, summary, objectives, estimatedMinutes } = module;
  return { title, summary, objectives, estimatedMinutes, lessons };
}

export const seedModules = (course: ContentCourse): SeedModule[] =>
  course.modules.map((module) => seedModule(course.slug, module));
