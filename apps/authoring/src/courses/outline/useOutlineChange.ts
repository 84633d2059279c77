import { useCallback, useEffect, useRef, useState } from 'react';
import { useSubmit, type Submit } from '../../data/useSubmit';
import { currentCourseOf, type CourseDetail } from '../courseTypes';

type Answer<T> = { data?: T; error?: unknown; response: Response };

export interface OutlineChange {
  /** The editor-wide state of the last change (moves, renames, additions). */
  submit: Submit;
  /** The newer course when the last change was refused as stale. */
  conflict: CourseDetail | undefined;
  /**
   * Sends one change; on success the page takes the course it answers with (and its new revision),
   * then focus goes to the element with data-focus=`focusKey`, if given. Resolves to the new course.
   */
  perform: <T>(
    send: () => Promise<Answer<T>>,
    courseOf: (data: T) => CourseDetail,
    options?: { focusKey?: string; submit?: Submit },
  ) => Promise<CourseDetail | undefined>;
}

/** One outline change at a time, each based on the revision the page last saw. */
export function useOutlineChange(onChange: (course: CourseDetail) => void): OutlineChange {
  const submit = useSubmit();
  const [conflict, setConflict] = useState<CourseDetail | undefined>(undefined);
  const pending = useRef(false);
  const focusAfter = useRef<string | null>(null);
  const [changes, setChanges] = useState(0);

  // After the outline re-renders, put focus back on the same control of the moved item: React
  // moves list nodes around, which would otherwise drop focus to the page.
  useEffect(() => {
    const key = focusAfter.current;
    if (!key) return;
    focusAfter.current = null;
    document.querySelector<HTMLElement>(`[data-focus="${CSS.escape(key)}"]`)?.focus();
  }, [changes]);

  const perform = useCallback<OutlineChange['perform']>(
    async (send, courseOf, options = {}) => {
      // A second click while a change is on its way would be based on a stale revision.
      if (pending.current) return undefined;
      pending.current = true;
      setConflict(undefined);
      try {
        const result = await (options.submit ?? submit).run(async () => {
          const answer = await send();
          if (answer.response.status === 409) setConflict(currentCourseOf(answer.error));
          return answer;
        });
        if (!result.ok || result.data === undefined) return undefined;
        const course = courseOf(result.data);
        focusAfter.current = options.focusKey ?? null;
        onChange(course);
        setChanges((count) => count + 1);
        return course;
      } finally {
        pending.current = false;
      }
    },
    [onChange, submit],
  );

  return { submit, conflict, perform };
}
