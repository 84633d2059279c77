import { useLayoutEffect, useRef, type RefObject } from 'react';
import type { LessonHeading } from './prepare-lesson';
import {
  imagesSettled,
  measurePosition,
  samePlace,
  scrollToFraction,
  type ReadingPosition,
} from './reading-position';

/** At most one position write every this many milliseconds while the learner scrolls. */
const POSITION_INTERVAL = 2000;
/** For this long after opening, images that load and push the text down are followed. */
const SETTLE_TIME = 5000;

export interface LessonTrackingOptions {
  /** False until the lesson is laid out in full; tracking starts when it turns true. */
  ready: boolean;
  contentRef: RefObject<HTMLElement | null>;
  sentinelRef: RefObject<HTMLElement | null>;
  headings: readonly LessonHeading[];
  /** Where to take the learner back to: their saved position, or null for the top. */
  resumeAt: ReadingPosition | null;
  /** Called (throttled) as the learner scrolls, when the page is left, and when the reader closes. */
  onPosition: (position: ReadingPosition) => void;
  /** The learner reached the end of the lesson. */
  onEnd: () => void;
  /** The page is being hidden or left: last chance to send what is waiting. */
  onLeave: () => void;
  /** The learner was taken back to their place (for an announcement). */
  onResumed: () => void;
}

/**
 * Follows the learner through one lesson: takes them back to where they were, saves the reading
 * position as they scroll (throttled) and when the page is hidden or left, and notices when they
 * reach the end (an IntersectionObserver on a sentinel after the text). Tracking starts only after
 * the position is restored, so the jump back never overwrites the saved place with the top.
 */
export function useLessonTracking(options: LessonTrackingOptions): void {
  // The latest callbacks, read by the listeners, so the effect runs once per lesson.
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });

  const { ready } = options;
  useLayoutEffect(() => {
    if (!ready) return;
    const content = latest.current.contentRef.current;
    const sentinel = latest.current.sentinelRef.current;
    if (!content || !sentinel) return;
    const { resumeAt } = latest.current;
    const measure = () => measurePosition(content, latest.current.headings);
    let lastSent: ReadingPosition | null = resumeAt;
    let lastTime = 0;
    let trailing: ReturnType<typeof setTimeout> | undefined;
    let interacted = false;
    let closed = false;

    const send = () => {
      clearTimeout(trailing);
      trailing = undefined;
      lastTime = performance.now();
      const position = measure();
      if (position === null || samePlace(position, lastSent)) return;
      lastSent = position;
      latest.current.onPosition(position);
    };

    // 1. Back to where the learner was: a #heading in the address first, else the saved place.
    const restore = () => {
      const hash = decodeURIComponent(window.location.hash.slice(1));
      const target = hash ? document.getElementById(hash) : null;
      if (target && content.contains(target)) {
        target.scrollIntoView({ block: 'start' });
        return target;
      }
      if (resumeAt && resumeAt.fraction > 0) {
        scrollToFraction(content, resumeAt.fraction);
        return resumeAt.anchor ? document.getElementById(resumeAt.anchor) : null;
      }
      return null;
    };
    const resumedHeading = restore();
    if (resumeAt && resumeAt.fraction > 0) latest.current.onResumed();
    // After a client-side navigation the page's <h1> holds focus, now off screen: give it to the
    // heading the learner resumes under, so the next Tab continues from there.
    if (resumedHeading && content.contains(resumedHeading) && document.activeElement?.tagName === 'H1') {
      resumedHeading.focus({ preventScroll: true });
    }
    // Images above the place load later and push the text down: follow them until the learner moves.
    const markInteracted = () => {
      interacted = true;
    };
    const interactions = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;
    for (const type of interactions) window.addEventListener(type, markInteracted, { passive: true });
    const settleUntil = performance.now() + SETTLE_TIME;
    const onImage = () => {
      if (!interacted && !closed && performance.now() < settleUntil) restore();
    };
    content.addEventListener('load', onImage, true);

    // 2. The reading position, throttled, as the learner scrolls.
    const onScroll = () => {
      const since = performance.now() - lastTime;
      if (since >= POSITION_INTERVAL) send();
      else trailing ??= setTimeout(send, POSITION_INTERVAL - since);
    };
    // 3. Hidden or left (tab switched, phone locked, window closed): save now and send.
    const onHide = () => {
      if (document.visibilityState === 'visible') return;
      send();
      latest.current.onLeave();
    };
    const onPageHide = () => {
      send();
      latest.current.onLeave();
    };
    // 4. The end: only once the images above have loaded, so a lesson is not "finished" because
    //    its pictures had not yet taken their place.
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      void imagesSettled(content).then(() => {
        const box = sentinel.getBoundingClientRect();
        if (!closed && box.top <= window.innerHeight && box.bottom >= 0) latest.current.onEnd();
      });
    });

    // The restore's own scroll event arrives later; start listening after it.
    const start = requestAnimationFrame(() => {
      if (closed) return;
      window.addEventListener('scroll', onScroll, { passive: true });
      observer.observe(sentinel);
    });
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);

    return () => {
      closed = true;
      cancelAnimationFrame(start);
      // Leaving for another page of the app: the lesson is still laid out, so measure it once more.
      if (trailing !== undefined || lastTime > 0) send();
      clearTimeout(trailing);
      observer.disconnect();
      window.removeEventListener('scroll', onScroll);
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      content.removeEventListener('load', onImage, true);
      for (const type of interactions) window.removeEventListener(type, markInteracted);
    };
  }, [ready]);
}
