import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';

async function fetchCourse(slug: string, signal: AbortSignal) {
  const { data, response } = await api.GET('/api/courses/{slug}', {
    params: { path: { slug } },
    signal,
  });
  // Drafts and unknown slugs answer 404: for a learner both simply do not exist.
  if (response.status === 404) return null;
  if (data === undefined) throw new Error(`GET /api/courses/${slug} failed`);
  return data;
}

export type CourseDetail = NonNullable<Awaited<ReturnType<typeof fetchCourse>>>;

export type CourseState =
  | { status: 'loading' }
  | { status: 'error' }
  | { status: 'missing' }
  | { status: 'ready'; course: CourseDetail };

/** The published course with this slug; `retry` asks again after a failure. */
export function useCourse(slug: string): { state: CourseState; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  // The answer remembers which request it belongs to; any other request is still loading.
  const key = `${attempt}|${slug}`;
  const [answer, setAnswer] = useState<{ key: string; state: CourseState } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetchCourse(slug, controller.signal).then(
      (course) =>
        setAnswer({ key, state: course === null ? { status: 'missing' } : { status: 'ready', course } }),
      () => {
        if (!controller.signal.aborted) setAnswer({ key, state: { status: 'error' } });
      },
    );
    return () => controller.abort();
  }, [key, slug]);

  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  return { state: answer?.key === key ? answer.state : { status: 'loading' }, retry };
}
