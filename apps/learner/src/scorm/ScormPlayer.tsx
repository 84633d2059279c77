import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, useAnnounce } from '@archipelago/ui';
import { PlayerController } from './player-controller';
import type { ScormPlayerView } from './scorm-api';
import { ScormPanel } from './ScormPanel';
import { ScormToc } from './ScormToc';
import { findItem, launchableOrder } from './toc-items';

interface ScormPlayerProps {
  slug: string;
  activityId: string;
  initial: ScormPlayerView;
  /** The activity has just been completed (the course's progress changed). */
  onCompleted: () => void;
}

/**
 * Plays a SCORM package: the contents, Previous / Next / Save and exit (less those the package
 * hides), and the SCO in a frame that takes the page's width. The moving parts are the
 * controller's; this draws its state.
 */
export function ScormPlayer({ slug, activityId, initial, onCompleted }: ScormPlayerProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [controller] = useState(() => new PlayerController(slug, activityId, initial));
  const { player, launch, panel, panelFocus, busy, notice } = useSyncExternalStore(
    controller.subscribe,
    controller.getState,
  );

  useEffect(() => {
    controller.listen({
      opened: (title) => announce(t('scorm:opened', { title })),
      completed: () => {
        announce(t('scorm:completedAnnounce'));
        onCompleted();
      },
    });
  }, [controller, announce, t, onCompleted]);
  useEffect(() => controller.mount(), [controller]);
  const attachStage = useCallback((node: HTMLDivElement | null) => controller.attachHost(node), [controller]);

  const hidden = new Set(launch?.hideLmsUi);
  const order = launchableOrder(player.tree);
  const currentId = launch?.scoId ?? null;
  const atFirst = currentId !== null && order[0]?.identifier === currentId;
  const inSequence = launch !== null || panel === 'between';
  const canPrevious = !player.controls.forwardOnly && !atFirst;
  const resumeTitle = player.resumeScoId
    ? findItem(player.tree, player.resumeScoId)?.title || player.title
    : null;
  const busyProps = busy ? { 'aria-disabled': true } : {};
  const showPrevious = inSequence && player.controls.flow && !hidden.has('previous');
  const showNext = inSequence && player.controls.flow && !hidden.has('continue');
  const showSave = launch !== null && !hidden.has('suspendAll') && !hidden.has('exit');

  return (
    <div className="scorm">
      <ScormToc
        tree={player.tree}
        currentId={currentId}
        choice={player.controls.choice}
        busy={busy}
        onChoose={(target) => controller.request({ request: 'choice', target })}
      />
      <div className="scorm-main">
        {/* No empty group: a package without flow, between its parts, has none of these buttons. */}
        {showPrevious || showNext || showSave ? (
          <div className="scorm-toolbar" role="group" aria-label={t('scorm:controls')}>
            {showPrevious ? (
              <Button
                variant="secondary"
                disabled={!canPrevious}
                {...busyProps}
                onClick={() => controller.request({ request: 'previous' })}
              >
                {t('scorm:previous')}
              </Button>
            ) : null}
            {showNext ? (
              <Button
                variant="secondary"
                {...busyProps}
                onClick={() => controller.request({ request: 'continue' })}
              >
                {t('scorm:next')}
              </Button>
            ) : null}
            {showSave ? (
              <Button
                variant="secondary"
                {...busyProps}
                onClick={() => controller.request({ request: 'suspend' })}
              >
                {t('scorm:saveAndExit')}
              </Button>
            ) : null}
          </div>
        ) : null}
        <p className="scorm-notice" role="status">
          {notice ? t(`scorm:${notice}`) : null}
        </p>
        {panel ? (
          <ScormPanel
            kind={panel}
            flow={player.controls.flow}
            takeFocus={panelFocus}
            busy={busy}
            resumeTitle={resumeTitle}
            onStart={() => controller.start()}
          />
        ) : null}
        <div ref={attachStage} className="scorm-stage" />
      </div>
    </div>
  );
}
