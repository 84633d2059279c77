import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { buttonClassName, isLanguage, Page, Skeleton, useAnnounce } from '@archipelago/ui';
import { LoadFailed } from '../../account/LoadFailed';
import { withNamespaces } from '../../locales/namespaces';
import { fetchActivity, learnPaths, type ActivityView, type ReaderLanguage } from '../learning-api';
import { deviceTime, writeKeys, type LearningQueue, type ProgressResult } from '../learning-writes';
import { useLearningQueue } from '../useLearningQueue';
import { useResource } from '../useResource';
import { Breadcrumbs } from './Breadcrumbs';
import { CompletionPanel } from './CompletionPanel';
import { LessonPager } from './LessonPager';
import { ANSWER_SLOT, prepareLesson } from './prepare-lesson';
import { measurePosition, type ReadingPosition } from './reading-position';
import { ReflectionAnswer } from './ReflectionAnswer';
import { SyncNotice } from './SyncNotice';
import { TableOfContents } from './TableOfContents';
import { useLessonTracking } from './useLessonTracking';

// A quiz is its own chunk, with its strings: lesson pages do not download the quiz code.
const QuizActivity = lazy(withNamespaces(['quiz'], () => import('../../quizzes/QuizActivity')));
// So is a SCORM package's player, and the SCORM runtime it loads only when a SCO is launched.
const ScormActivity = lazy(withNamespaces(['scorm'], () => import('../../scorm/ScormActivity')));

const readerLanguage = (language: string | undefined): ReaderLanguage =>
  isLanguage(language) ? language : 'en';

/** One activity of an enrolled course, in the current language, with the learner's progress. */
export function LessonReader({ slug, activityId }: { slug: string; activityId: string }) {
  const { t, i18n } = useTranslation();
  const lang = readerLanguage(i18n.resolvedLanguage ?? i18n.language);
  const queue = useLearningQueue();
  const { state, retry } = useResource(`${slug}|${activityId}|${lang}`, (signal) =>
    fetchActivity(slug, activityId, lang, signal),
  );
  // A SCORM package keeps playing while its page's words load in another language: unmounting the
  // player would close the SCO the learner is in. (This reader is keyed by activity, so the one
  // kept is this activity in the previous language.)
  const [playing, setPlaying] = useState<ActivityView | null>(null);
  const ready = state.status === 'ready' ? state.data : null;
  if (ready?.kind === 'scorm' && playing !== ready) setPlaying(ready);
  const activity = ready ?? (state.status === 'loading' ? playing : null);
  const visitedKind = activity && activity.kind !== 'lesson' ? activity.kind : null;
  // Opening a quiz or a SCORM package is a visit too: it marks it started and makes it where
  // "Continue" leads. (A lesson records its visit with its reading position.)
  useEffect(() => {
    if (!visitedKind || !queue) return;
    queue.put(`visit:${slug}:${activityId}`, {
      kind: 'progress',
      slug,
      activityId,
      body: { at: deviceTime() },
    });
  }, [visitedKind, queue, slug, activityId]);
  const title = activity
    ? activity.title
    : state.status === 'missing'
      ? t('reader.missingTitle')
      : t('reader.loadingTitle');

  // One <Page> whatever the state, so its heading takes focus once, when the reader opens.
  return (
    <>
      {activity ? <Breadcrumbs activity={activity} /> : null}
      <Page title={title}>
        {state.status === 'loading' && !activity ? <Skeleton lines={10} label={t('reader.loading')} /> : null}
        {state.status === 'error' ? <LoadFailed retry={retry} /> : null}
        {state.status === 'missing' ? (
          <>
            <p>{t('reader.missing')}</p>
            <Link className={buttonClassName()} to={learnPaths.course(slug)}>
              {t('reader.backToCourse')}
            </Link>
          </>
        ) : null}
        {activity && queue ? (
          activity.kind === 'lesson' ? (
            <Lesson key={lang} activity={activity} queue={queue} />
          ) : activity.kind === 'quiz' ? (
            <Suspense fallback={<Skeleton lines={6} label={t('reader.loading')} />}>
              <QuizActivity activity={activity} />
            </Suspense>
          ) : activity.kind === 'scorm' ? (
            <Suspense fallback={<Skeleton lines={6} label={t('reader.loading')} />}>
              <ScormActivity activity={activity} />
            </Suspense>
          ) : (
            <>
              <p>{t('reader.unsupported')}</p>
              <LessonPager activity={activity} />
            </>
          )
        ) : null}
      </Page>
    </>
  );
}

function Lesson({ activity, queue }: { activity: ActivityView; queue: LearningQueue }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const slug = activity.course.slug;
  const activityId = activity.id;
  const keys = useMemo(
    () => ({
      position: writeKeys.position(slug, activityId),
      completion: writeKeys.completion(slug, activityId),
    }),
    [slug, activityId],
  );

  const html = typeof activity.content.html === 'string' ? activity.content.html : '';
  const tableLabel = t('reader.table');
  const prepared = useMemo(() => prepareLesson(html, tableLabel), [html, tableLabel]);
  const contentRef = useRef<HTMLDivElement>(null);
  const sentinelRef = useRef<HTMLDivElement>(null);

  // Where to take the learner back to: a position written here and not yet sent is the newest.
  const [resumeAt] = useState<ReadingPosition | null>(() => {
    const waiting = queue.pending(keys.position);
    const position = waiting?.kind === 'progress' ? waiting.body.position : activity.progress.position;
    return position ? { anchor: position.anchor ?? null, fraction: position.fraction } : null;
  });
  const [completed, setCompleted] = useState(
    () => activity.progress.status === 'completed' || queue.pending(keys.completion) !== undefined,
  );
  const [focusOnDone, setFocusOnDone] = useState(false);
  const [courseDone, setCourseDone] = useState(false);
  const completedRef = useRef(completed);
  // Reflection fields register here to save a pause in typing before the page is left.
  const [beforeLeave] = useState(() => new Set<() => void>());

  // Opening the lesson is a visit: it marks it started and makes it where "Continue" leads.
  useEffect(() => {
    if (queue.pending(keys.position)) return; // that write records the visit already
    queue.put(`visit:${slug}:${activityId}`, {
      kind: 'progress',
      slug,
      activityId,
      body: { at: deviceTime() },
    });
  }, [queue, keys, slug, activityId]);

  useEffect(
    () =>
      queue.subscribe(keys.completion, (status, data) => {
        if (status === 'saved' && (data as ProgressResult | undefined)?.courseCompletedAt)
          setCourseDone(true);
      }),
    [queue, keys],
  );

  const complete = useCallback(
    (how: 'end' | 'button') => {
      if (completedRef.current) return;
      completedRef.current = true;
      const content = contentRef.current;
      const position = content ? measurePosition(content, prepared.headings) : null;
      queue.put(keys.completion, {
        kind: 'progress',
        slug,
        activityId,
        body: { at: deviceTime(), completed: true, ...(position ? { position } : {}) },
      });
      setCompleted(true);
      setFocusOnDone(how === 'button');
      announce(t('reader.completedAnnounce'));
    },
    [queue, keys, slug, activityId, prepared, announce, t],
  );

  // The answer fields go inside the server's reflection blocks, found once the HTML is in place
  // (a ref callback runs after React has set the HTML, and again if the HTML changes).
  const [slots, setSlots] = useState<Map<string, Element> | null>(null);
  const attachContent = useCallback(
    (node: HTMLDivElement | null) => {
      contentRef.current = node;
      if (!node || !prepared) return;
      const found = new Map<string, Element>();
      node
        .querySelectorAll(`[${ANSWER_SLOT}]`)
        .forEach((slot) => found.set(slot.getAttribute(ANSWER_SLOT) ?? '', slot));
      setSlots(found);
    },
    [prepared],
  );

  useLessonTracking({
    // Only once the answer fields are in: they add height, and the place is measured with them.
    ready: slots !== null,
    contentRef,
    sentinelRef,
    headings: prepared.headings,
    resumeAt,
    onPosition: (position) =>
      queue.put(keys.position, { kind: 'progress', slug, activityId, body: { at: deviceTime(), position } }),
    onEnd: () => complete('end'),
    onLeave: () => {
      for (const save of beforeLeave) save();
      queue.flushOnLeave();
    },
    onResumed: () => announce(t('reader.resumed')),
  });

  return (
    <div className="reader">
      <p className="reader-meta">
        {t('reader.inModule', { title: activity.module.title })}
        {activity.required ? null : ` · ${t('reader.optional')}`}
      </p>
      <TableOfContents headings={prepared.headings} />
      <div ref={attachContent} className="reader-prose" dangerouslySetInnerHTML={{ __html: prepared.html }} />
      {prepared.reflections.map(({ id, promptId }) => {
        const slot = slots?.get(id);
        return slot
          ? createPortal(
              <ReflectionAnswer
                slug={slug}
                activityId={activityId}
                reflectionId={id}
                promptId={promptId}
                saved={activity.reflections.find((r) => r.id === id)?.answer}
                queue={queue}
                beforeLeave={beforeLeave}
              />,
              slot,
              id,
            )
          : null;
      })}
      <div ref={sentinelRef} className="reader-end" aria-hidden="true" />
      <CompletionPanel
        completed={completed}
        focusOnDone={focusOnDone}
        onMark={() => complete('button')}
        courseDone={courseDone}
        courseHref={learnPaths.course(slug)}
      />
      <SyncNotice queue={queue} />
      <LessonPager activity={activity} />
    </div>
  );
}
