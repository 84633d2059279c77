import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@archipelago/ui';
import type { PanelKind } from './player-controller';

interface ScormPanelProps {
  kind: PanelKind;
  /** Whether Previous and Next are there to move on with (the package's flow control). */
  flow: boolean;
  /** Move focus to the heading when shown (it replaced the SCO, whose frame had focus). */
  takeFocus: boolean;
  busy: boolean;
  /** The part a suspended attempt resumes, if there is one. */
  resumeTitle: string | null;
  onStart: () => void;
}

/**
 * The way in (start, or resume where the learner left off) and what happened when a part or the
 * whole activity ended.
 */
export function ScormPanel({ kind, flow, takeFocus, busy, resumeTitle, onStart }: ScormPanelProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takeFocus) headingRef.current?.focus();
  }, [kind, takeFocus]);

  const resumable = resumeTitle !== null;
  const heading =
    kind === 'completed'
      ? t('scorm:panel.completedTitle')
      : kind === 'ended'
        ? t('scorm:panel.endedTitle')
        : kind === 'between'
          ? t('scorm:panel.betweenTitle')
          : kind === 'suspended'
            ? t('scorm:panel.suspendedTitle')
            : resumable
              ? t('scorm:panel.resumeTitle')
              : t('scorm:panel.startTitle');
  const text =
    kind === 'completed'
      ? t('scorm:panel.completed')
      : kind === 'ended'
        ? t('scorm:panel.ended')
        : kind === 'between'
          ? flow
            ? t('scorm:panel.between')
            : t('scorm:panel.betweenChoice')
          : kind === 'suspended'
            ? t('scorm:panel.suspended')
            : resumable
              ? t('scorm:panel.resumeHint', { title: resumeTitle })
              : t('scorm:panel.startHint');
  const action =
    kind === 'between'
      ? null
      : resumable && kind !== 'completed'
        ? t('scorm:resume')
        : kind === 'start'
          ? t('scorm:start')
          : t('scorm:openAgain');

  return (
    <section className="scorm-panel" aria-labelledby="scorm-panel-heading">
      <h2 id="scorm-panel-heading" ref={headingRef} tabIndex={-1}>
        {kind === 'completed' ? <span aria-hidden="true">✓ </span> : null}
        {heading}
      </h2>
      <p>{text}</p>
      {kind === 'suspended' && resumable ? (
        <p>{t('scorm:panel.resumeHint', { title: resumeTitle })}</p>
      ) : null}
      {action ? (
        <Button onClick={onStart} aria-disabled={busy ? 'true' : undefined}>
          {busy ? t('scorm:opening') : action}
        </Button>
      ) : null}
    </section>
  );
}
