import { useCallback, useEffect, useRef, useState, type Ref } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, buttonClassName, useAnnounce } from '@archipelago/ui';
import type { AnswerQueue } from './answer-queue';
import { questionLocation, reviewLocation } from './attempt-location';
import { Countdown } from './Countdown';
import { QuestionCard } from './QuestionCard';
import { QuestionNav } from './QuestionNav';
import { checkSlot, submitAttempt, type AttemptView, type SlotFeedback } from './quiz-api';
import { ReviewPanel } from './ReviewPanel';
import { isAnswered, useAttemptAnswers } from './useAttemptAnswers';

/** How long an expiring attempt waits for unsent answers before submitting what the server has. */
const LAST_SEND_MS = 5000;

/** An open attempt: questions, answers saved as they are given, the clock, review and submit. */
export function AttemptInProgress({
  attempt,
  receivedAt,
  queue,
  onFinished,
  onReload,
}: {
  attempt: AttemptView;
  receivedAt: number;
  queue: AnswerQueue;
  /** The submitted attempt, with its result. */
  onFinished: (submitted: AttemptView) => void;
  /** Asks the server again (after the deadline, when submitting from here failed). */
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const { responses, saveStates, answer, sendAll } = useAttemptAnswers(attempt, queue);
  const [params] = useSearchParams();
  const { hash } = useLocation();
  const onePerPage = attempt.layout === 'one-per-page';
  const reviewing = params.has('review');
  const count = attempt.slots.length;
  const asked = Number.parseInt(params.get('q') ?? '1', 10);
  const index = Number.isFinite(asked) ? Math.min(Math.max(asked, 1), count) - 1 : 0;

  const [feedback, setFeedback] = useState(
    () => new Map(attempt.slots.flatMap((s) => (s.feedback ? [[s.slot, s.feedback] as const] : []))),
  );
  const [locked, setLocked] = useState(
    () => new Set(attempt.slots.filter((s) => s.locked).map((s) => s.slot)),
  );
  const [checking, setChecking] = useState<number | null>(null);
  const [checkErrors, setCheckErrors] = useState(new Map<number, string>());
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [timeUp, setTimeUp] = useState(false);

  const answered = useCallback((slot: number) => isAnswered(responses.get(slot)), [responses]);

  // Moving to another question (or the review) puts focus on its heading, as a new page would.
  const questionHeading = useRef<HTMLHeadingElement>(null);
  const reviewHeading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      // Opened on a question's fragment (a link from the review): go there.
      if (!hash) return;
    }
    if (reviewing) reviewHeading.current?.focus();
    else if (onePerPage) questionHeading.current?.focus();
    else if (hash) document.getElementById(decodeURIComponent(hash.slice(1)))?.focus();
  }, [index, reviewing, hash, onePerPage]);

  const check = async (slot: number) => {
    setChecking(slot);
    setCheckErrors((errors) => {
      const next = new Map(errors);
      next.delete(slot);
      return next;
    });
    const fail = (message: string) => {
      setCheckErrors((errors) => new Map(errors).set(slot, message));
      setChecking(null);
    };
    // The server checks what it holds, so the answer must have reached it first.
    if (!(await sendAll())) return fail(t('quiz:attempt.notSentYet'));
    try {
      const result: SlotFeedback = await checkSlot(attempt.id, slot);
      setFeedback((current) => new Map(current).set(slot, result));
      setLocked((current) => new Set(current).add(slot));
      setChecking(null);
      announce(t('quiz:attempt.checkedAnnounce'));
    } catch {
      fail(t('quiz:attempt.checkFailed'));
    }
  };

  const submit = async () => {
    setSubmitting(true);
    setSubmitError(null);
    if (!(await sendAll())) {
      setSubmitting(false);
      setSubmitError(t('quiz:review.notSentYet'));
      return;
    }
    try {
      onFinished(await submitAttempt(attempt.id));
    } catch {
      setSubmitting(false);
      setSubmitError(t('quiz:review.submitFailed'));
    }
  };

  // At the deadline: send what waits (briefly), then submit. If that fails, the server submits the
  // attempt itself (its sweeper, or the next request that touches it): ask it again shortly.
  const expire = useCallback(() => {
    setTimeUp(true);
    void (async () => {
      await Promise.race([sendAll(), new Promise((done) => setTimeout(done, LAST_SEND_MS))]);
      try {
        onFinished(await submitAttempt(attempt.id));
      } catch {
        setTimeout(onReload, 3000);
      }
    })();
  }, [sendAll, attempt.id, onFinished, onReload]);

  const card = (slotIndex: number, ref?: Ref<HTMLHeadingElement>) => {
    const slot = attempt.slots[slotIndex]!;
    const immediate = attempt.feedbackTiming === 'immediate' && slot.question.type !== 'essay';
    return (
      <QuestionCard
        key={slot.slot}
        ref={ref}
        slot={slot}
        number={slotIndex + 1}
        count={count}
        response={responses.get(slot.slot) ?? null}
        saveState={saveStates.get(slot.slot) ?? { status: 'unchanged' }}
        feedback={feedback.get(slot.slot) ?? null}
        locked={timeUp || locked.has(slot.slot)}
        onAnswer={(response, options) => answer(slot.slot, response, options)}
        onCheck={immediate ? () => void check(slot.slot) : undefined}
        checking={checking === slot.slot}
        checkError={checkErrors.get(slot.slot) ?? null}
      />
    );
  };

  return (
    <div className="quiz-attempt">
      {attempt.deadline ? (
        <Countdown
          deadline={attempt.deadline}
          serverNow={attempt.serverNow}
          receivedAt={receivedAt}
          onExpire={expire}
        />
      ) : null}
      {timeUp ? (
        <Alert title={t('quiz:timer.expiredTitle')} tone="info">
          <p>{t('quiz:timer.submitting')}</p>
        </Alert>
      ) : null}
      {onePerPage ? (
        <QuestionNav
          attempt={attempt}
          current={reviewing ? -1 : index}
          answered={answered}
          reviewing={reviewing}
        />
      ) : null}
      {reviewing ? (
        <ReviewPanel
          ref={reviewHeading}
          attempt={attempt}
          answered={answered}
          onSubmit={() => void submit()}
          submitting={submitting || timeUp}
          error={submitError}
        />
      ) : onePerPage ? (
        <>
          {card(index, questionHeading)}
          <nav className="quiz-pager" aria-label={t('quiz:nav.pager')}>
            {index > 0 ? (
              <Link
                className={buttonClassName('secondary')}
                to={questionLocation(attempt.layout, index, attempt.slots[index - 1]!.slot)}
              >
                {t('quiz:nav.previous')}
              </Link>
            ) : null}
            {index < count - 1 ? (
              <Link
                className={buttonClassName()}
                to={questionLocation(attempt.layout, index + 2, attempt.slots[index + 1]!.slot)}
              >
                {t('quiz:nav.next')}
              </Link>
            ) : (
              <Link className={buttonClassName()} to={reviewLocation}>
                {t('quiz:nav.finish')}
              </Link>
            )}
          </nav>
        </>
      ) : (
        <>
          {attempt.slots.map((_, slotIndex) => card(slotIndex))}
          <Link className={buttonClassName()} to={reviewLocation}>
            {t('quiz:nav.finish')}
          </Link>
        </>
      )}
    </div>
  );
}
