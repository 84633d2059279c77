/** A heading of the lesson, for the table of contents and the reading position. */
export interface LessonHeading {
  id: string;
  text: string;
  level: 2 | 3;
}

export interface PreparedLesson {
  /** The server's sanitized HTML with heading ids, focusable headings and wrapped tables. */
  html: string;
  headings: LessonHeading[];
  /** The reflections in the order they appear, with the id given to each prompt. */
  reflections: { id: string; promptId: string }[];
}

/** Where a reflection's answer field is rendered (a React portal), inside the server's block. */
export const ANSWER_SLOT = 'data-answer-for';

const ALLOWED_ID = /^[A-Za-z0-9_-]{1,200}$/;

/** "Why services fail" → "why-services-fail"; letters and digits only, so it suits the API's anchors. */
function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/**
 * Prepares the lesson HTML for the reader, in an inert <template> (nothing in it runs or loads):
 * every h2/h3 gets a stable id (kept when the server gave one) so the table of contents and the
 * reading position can point at it, and tabindex=-1 so it can take focus; tables get a focusable,
 * labelled scrolling wrapper for narrow screens; each reflection gets an id on its prompt and a
 * slot for the answer field.
 */
export function prepareLesson(serverHtml: string, tableLabel: string): PreparedLesson {
  const template = document.createElement('template');
  template.innerHTML = serverHtml;
  const root = template.content;
  const used = new Set<string>();
  root.querySelectorAll('[id]').forEach((element) => used.add(element.id));

  const headings: LessonHeading[] = [];
  root.querySelectorAll('h2, h3').forEach((element, index) => {
    const text = element.textContent?.trim() ?? '';
    let id = element.id;
    if (!ALLOWED_ID.test(id)) {
      const base = `h-${slugify(text) || `section-${index + 1}`}`;
      id = base;
      for (let n = 2; used.has(id); n += 1) id = `${base}-${n}`;
      used.add(id);
      element.id = id;
    }
    element.setAttribute('tabindex', '-1');
    headings.push({ id, text, level: element.tagName === 'H2' ? 2 : 3 });
  });

  root.querySelectorAll('table').forEach((table) => {
    const wrapper = document.createElement('div');
    wrapper.className = 'reader-table';
    wrapper.setAttribute('role', 'region');
    wrapper.setAttribute('tabindex', '0');
    wrapper.setAttribute('aria-label', tableLabel);
    table.replaceWith(wrapper);
    wrapper.append(table);
  });

  const reflections: PreparedLesson['reflections'] = [];
  root.querySelectorAll<HTMLElement>('[data-reflection-id]').forEach((block) => {
    const id = block.dataset.reflectionId ?? '';
    const promptId = `prompt-${id}`;
    block.querySelector('.reflection__prompt')?.setAttribute('id', promptId);
    const slot = document.createElement('div');
    slot.className = 'reflection__answer';
    slot.setAttribute(ANSWER_SLOT, id);
    block.append(slot);
    reflections.push({ id, promptId });
  });

  // Serialized from the template itself: nothing is ever attached to the live document here.
  return { html: template.innerHTML, headings, reflections };
}
