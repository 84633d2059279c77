import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  buttonClassName,
  FormField,
  Skeleton,
  useAnnounce,
  useSession,
} from '@archipelago/ui';
import { api } from '../api';
import { signInPath } from '../account/next-path';
import { LoadFailed } from '../account/LoadFailed';
import { RequestFailed } from '../account/RequestFailed';
import { fetchEnrolment, fetchLearningCourse, learnPaths, type EnrolmentState } from './learning-api';
import { useResource } from './useResource';
import { CourseCertificateLink } from '../certificates/CourseCertificateLink';
import './learning.css';

interface CourseRef {
  slug: string;
  title: string;
  enrolmentMode: string;
}

/**
 * "Take this course" on the course page: what the learner can do next, by where they stand —
 * sign in, enrol, ask for access (and the answer), join through a cohort, or start and continue.
 */
export function EnrolmentPanel({ course }: { course: CourseRef }) {
  const { t } = useTranslation();
  const { state } = useSession();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusHeading = useCallback(() => headingRef.current?.focus(), []);

  let body;
  if (state.status === 'loading') body = <Skeleton lines={2} label={t('enrol.loading')} />;
  else if (state.status !== 'signed-in') body = <SignedOut course={course} />;
  else body = <SignedIn course={course} userId={state.me.user.id} focusHeading={focusHeading} />;

  return (
    <section aria-labelledby={headingId} className="enrolment-panel">
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('enrol.title')}
      </h2>
      {body}
    </section>
  );
}

function SignedOut({ course }: { course: CourseRef }) {
  const { t } = useTranslation();
  if (course.enrolmentMode === 'cohort') return <CohortOnly />;
  return (
    <>
      <p>{t('enrol.signInHint')}</p>
      <Link className={buttonClassName()} to={signInPath(learnPaths.catalogue(course.slug))}>
        {course.enrolmentMode === 'invitation' ? t('enrol.signInToRequest') : t('enrol.signIn')}
      </Link>
    </>
  );
}

function CohortOnly() {
  const { t } = useTranslation();
  return (
    <>
      <p>
        <strong>{t('enrol.cohortTitle')}</strong>
      </p>
      <p>{t('enrol.cohort')}</p>
    </>
  );
}

function SignedIn({
  course,
  userId,
  focusHeading,
}: {
  course: CourseRef;
  userId: string;
  focusHeading: () => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const { state, retry, replace } = useResource(`${userId}|${course.slug}`, (signal) =>
    fetchEnrolment(course.slug, signal),
  );
  // After an action the panel changes under the learner's focus: put focus back at its heading.
  const [changed, setChanged] = useState(0);
  useEffect(() => {
    if (changed > 0) focusHeading();
  }, [changed, focusHeading]);

  if (state.status === 'loading') return <Skeleton lines={2} label={t('enrol.loading')} />;
  if (state.status === 'error') return <LoadFailed retry={retry} />;
  if (state.status === 'missing') return null;

  const enrolment = state.data;
  const update = (next: EnrolmentState, message: string) => {
    replace(next);
    announce(message);
    setChanged((count) => count + 1);
  };

  if (enrolment.status === 'enrolled') return <Enrolled slug={course.slug} version={enrolment.version} />;
  if (enrolment.enrolmentMode === 'cohort') return <CohortOnly />;
  if (enrolment.status === 'requested') {
    return (
      <Alert title={t('enrol.requestedTitle')} tone="info" headingLevel={3}>
        <p>{t('enrol.requested')}</p>
      </Alert>
    );
  }
  if (enrolment.enrolmentMode === 'invitation') {
    return (
      <AccessRequestForm
        slug={course.slug}
        declined={enrolment.status === 'declined'}
        onDone={(next) => update(next, t('enrol.requestedTitle'))}
      />
    );
  }
  return (
    <EnrolButton
      slug={course.slug}
      onDone={(next) => update(next, t('enrol.enrolled', { title: course.title }))}
      onClosed={retry}
    />
  );
}

function EnrolButton({
  slug,
  onDone,
  onClosed,
}: {
  slug: string;
  onDone: (next: EnrolmentState) => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const enrol = async () => {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    try {
      const { data, response } = await api.POST('/api/courses/{slug}/enrolment', {
        params: { path: { slug } },
      });
      if (data) return onDone(data);
      // The course stopped being open while the page was showing: ask where things stand now.
      if (response.status === 403) return onClosed();
      setFailed(true);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <p>{t('enrol.openIntro')}</p>
      {failed ? <RequestFailed /> : null}
      <Button onClick={() => void enrol()} aria-disabled={busy || undefined}>
        {busy ? t('enrol.enrolling') : t('enrol.enrol')}
      </Button>
    </>
  );
}

function AccessRequestForm({
  slug,
  declined,
  onDone,
}: {
  slug: string;
  declined: boolean;
  onDone: (next: EnrolmentState) => void;
}) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<'tooLong' | 'failed' | undefined>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const { data, response } = await api.POST('/api/courses/{slug}/access-requests', {
        params: { path: { slug } },
        body: message.trim() ? { message: message.trim() } : {},
      });
      if (data) return onDone(data);
      setError(response.status === 400 ? 'tooLong' : 'failed');
    } catch {
      setError('failed');
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {declined ? (
        <Alert title={t('enrol.declinedTitle')} tone="info" headingLevel={3}>
          <p>{t('enrol.declined')}</p>
        </Alert>
      ) : (
        <p>{t('enrol.requestIntro')}</p>
      )}
      {error === 'failed' ? <RequestFailed /> : null}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <FormField
          label={t('enrol.message')}
          hint={t('enrol.messageHint')}
          error={error === 'tooLong' ? t('enrol.messageTooLong') : undefined}
        >
          <textarea
            className="arch-input"
            name="message"
            rows={3}
            maxLength={1000}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
          />
        </FormField>
        <Button type="submit" aria-disabled={busy || undefined}>
          {busy ? t('enrol.requesting') : declined ? t('enrol.askAgain') : t('enrol.request')}
        </Button>
      </form>
    </>
  );
}

/** Enrolled: where the learner is, with Start (nothing done yet) or Continue at the exact activity. */
function Enrolled({ slug, version }: { slug: string; version: number | null }) {
  const { t } = useTranslation();
  const { state, retry } = useResource(`learning|${slug}`, (signal) => fetchLearningCourse(slug, signal));
  if (state.status === 'loading') return <Skeleton lines={2} label={t('enrol.loading')} />;
  if (state.status === 'error') return <LoadFailed retry={retry} />;
  if (state.status === 'missing') return null;
  const course = state.data;
  const started = course.lastVisitedAt !== null || course.progress.completed > 0;
  return (
    <>
      <p>{t('enrol.enrolledOn', { version: version ?? course.version })}</p>
      <div className="arch-actions learning-actions">
        <Link className={buttonClassName()} to={learnPaths.activity(slug, course.resume.activityId)}>
          {started ? t('enrol.continue') : t('enrol.start')}
        </Link>
        <Link to={learnPaths.course(slug)}>{t('enrol.courseHome')}</Link>
      </div>
      {course.completedAt ? <CourseCertificateLink courseSlug={slug} headingLevel={3} /> : null}
    </>
  );
}
