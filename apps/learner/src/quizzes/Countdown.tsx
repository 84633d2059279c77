import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '@archipelago/ui';

/** Moments worth interrupting a screen-reader user for, in seconds left; never every second. */
const ANNOUNCE_AT = [600, 300, 60, 30];

/**
 * The device clock may be wrong by minutes: the remaining time is the deadline minus the server's
 * "now" at the moment the attempt arrived, counted down by the device's monotonic clock since then.
 */
export function useRemainingSeconds(deadline: string, serverNow: string, receivedAt: number): number {
  const endsAt = receivedAt + (Date.parse(deadline) - Date.parse(serverNow));
  const left = () => Math.max(0, Math.ceil((endsAt - performance.now()) / 1000));
  const [seconds, setSeconds] = useState(left);
  useEffect(() => {
    const tick = () => setSeconds(left());
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
    // `left` depends only on endsAt.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [endsAt]);
  return seconds;
}

const clock = (seconds: number) => {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
};

/** The time left, shown always; said aloud at 10, 5 and 1 minutes and 30 seconds; `onExpire` once. */
export function Countdown({
  deadline,
  serverNow,
  receivedAt,
  onExpire,
}: {
  deadline: string;
  serverNow: string;
  receivedAt: number;
  onExpire: () => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const seconds = useRemainingSeconds(deadline, serverNow, receivedAt);
  // Thresholds already behind us when the page opened are not announced late.
  const passed = useRef(new Set(ANNOUNCE_AT.filter((mark) => seconds <= mark)));
  const expired = useRef(false);

  useEffect(() => {
    for (const mark of ANNOUNCE_AT) {
      if (seconds <= mark && !passed.current.has(mark)) {
        passed.current.add(mark);
        if (seconds > 0) {
          announce(
            mark === 600
              ? t('quiz:timer.tenMinutesLeft')
              : mark === 300
                ? t('quiz:timer.fiveMinutesLeft')
                : mark === 60
                  ? t('quiz:timer.oneMinuteLeft')
                  : t('quiz:timer.thirtySecondsLeft'),
          );
        }
      }
    }
    if (seconds === 0 && !expired.current) {
      expired.current = true;
      announce(t('quiz:timer.expired'));
      onExpire();
    }
  }, [seconds, announce, t, onExpire]);

  const urgent = seconds <= 60;
  return (
    <p className={urgent ? 'quiz-timer quiz-timer--urgent' : 'quiz-timer'}>
      <span>{t('quiz:timer.label')} </span>
      {/* role=timer is not a live region by default: the visible clock is never read every second. */}
      <span role="timer" aria-atomic="true" className="quiz-timer__clock">
        {clock(seconds)}
      </span>
    </p>
  );
}
