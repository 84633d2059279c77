import type { LessonHeading } from './prepare-lesson';

/** Where the learner is in a lesson: the heading they are reading under and how far down, 0 to 1. */
export interface ReadingPosition {
  anchor: string | null;
  fraction: number;
}

const clamp = (value: number) => Math.min(1, Math.max(0, value));

/**
 * The fraction is the share of the lesson above the top of the window, so it maps back to the same
 * text on the same device and to about the same text on a phone or a wider screen. The anchor is
 * the last heading above a line a quarter of the way down the window.
 */
export function measurePosition(
  content: HTMLElement,
  headings: readonly LessonHeading[],
): ReadingPosition | null {
  const box = content.getBoundingClientRect();
  // Hidden or detached (a page change under way): there is no place to measure, and "the top" would be wrong.
  if (!content.isConnected || box.height === 0) return null;
  const fraction = Math.round(clamp(-box.top / Math.max(box.height, 1)) * 10000) / 10000;
  const line = window.innerHeight * 0.25;
  let anchor: string | null = null;
  for (const heading of headings) {
    const element = document.getElementById(heading.id);
    if (!element) continue;
    if (element.getBoundingClientRect().top > line) break;
    anchor = heading.id;
  }
  return { anchor, fraction };
}

/** Scrolls the window so that `fraction` of the lesson is above its top edge. */
export function scrollToFraction(content: HTMLElement, fraction: number): void {
  const box = content.getBoundingClientRect();
  window.scrollTo({ top: window.scrollY + box.top + clamp(fraction) * box.height, behavior: 'instant' });
}

/** Two positions a learner would call the same place (scrolling rounds to whole pixels). */
export function samePlace(a: ReadingPosition | null, b: ReadingPosition | null): boolean {
  if (a === null || b === null) return a === b;
  return a.anchor === b.anchor && Math.abs(a.fraction - b.fraction) < 0.002;
}

/** Resolves once every image in `root` has loaded or failed (or after `timeout` ms). */
export function imagesSettled(root: HTMLElement, timeout = 10_000): Promise<void> {
  const waiting = [...root.querySelectorAll('img')].filter((image) => !image.complete);
  if (waiting.length === 0) return Promise.resolve();
  const loads = waiting.map(
    (image) =>
      new Promise<void>((done) => {
        image.addEventListener('load', () => done(), { once: true });
        image.addEventListener('error', () => done(), { once: true });
      }),
  );
  return Promise.race([
    Promise.all(loads).then(() => undefined),
    new Promise<void>((done) => setTimeout(done, timeout)),
  ]);
}
