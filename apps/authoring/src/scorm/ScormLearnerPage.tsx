import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page, Skeleton, useAnnounce } from '@archipelago/ui';
import { ConfirmButton } from '../components/ConfirmButton';
import { ProblemAlert } from '../components/ProblemAlert';
import { useApiData } from '../data/useApiData';
import { useSubmit } from '../data/useSubmit';
import { AttemptDetails } from './AttemptDetails';
import { getScormLearner, resetScormLearner } from './scorm-api';
import { ScormHeader } from './ScormHeader';
import type { ScormLearnerDetail } from './scormTypes';
import { useScormPlace } from './useScormPlace';
import './scorm.css';

/**
 * /scorm/:activityId/learners/:enrolmentId — every attempt the learner made of each SCO with the
 * runtime data stored for it, and resetting their attempts so the next launch starts afresh.
 */
export default function ScormLearnerPage() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const { activityId = '', enrolmentId = '' } = useParams();
  const place = useScormPlace(activityId);
  const reset = useSubmit();
  const { state, reload } = useApiData(`${activityId}|${enrolmentId}`, (signal) =>
    getScormLearner(activityId, enrolmentId, signal),
  );
  const learner: ScormLearnerDetail | undefined = state.status === 'ready' ? state.data : undefined;
  const name = learner?.displayName ?? '';

  const confirmReset = async (close: () => void) => {
    const result = await reset.run(() => resetScormLearner(activityId, enrolmentId));
    if (!result.ok) return;
    close();
    const ended = result.data?.reset ?? 0;
    announce(ended > 0 ? t('scorm.learner.resetDone', { name }) : t('scorm.learner.resetNothing', { name }));
    reload();
  };

  return (
    <Page
      title={learner ? t('scorm.learner.title', { name }) : t('scorm.learner.loadingTitle')}
      documentTitle={t('scorm.learner.short')}
    >
      <ScormHeader
        {...place}
        activityId={activityId}
        trail={[
          { label: t('scorm.learners.short'), to: `/scorm/${activityId}/learners` },
          { label: name || t('scorm.learner.short') },
        ]}
      />
      {state.status === 'loading' ? <Skeleton lines={8} label={t('scorm.learner.loading')} /> : null}
      {state.status === 'failed' ? (
        <ProblemAlert title={t('scorm.learner.loadFailed')} problem={state.problem} onRetry={reload} />
      ) : null}
      {learner ? (
        <>
          <p>
            {learner.email}
            {place.activityTitle
              ? ` · ${t('scorm.learner.inActivity', { title: place.activityTitle })}`
              : null}
          </p>
          <section className="studio-section" aria-labelledby="scorm-reset-heading">
            <h2 id="scorm-reset-heading">{t('scorm.learner.resetTitle')}</h2>
            <p>{t('scorm.learner.resetIntro')}</p>
            <ConfirmButton
              label={t('scorm.learner.reset')}
              variant="secondary"
              dialogTitle={t('scorm.learner.resetConfirmTitle', { name })}
              dialogVariant="danger"
              submit={reset}
              onConfirm={confirmReset}
            >
              <p>{t('scorm.learner.resetConfirmBody', { name })}</p>
            </ConfirmButton>
          </section>
          {learner.scos.map((sco, index) => (
            <section key={sco.identifier} className="studio-section" aria-labelledby={`scorm-sco-${index}`}>
              <h2 id={`scorm-sco-${index}`}>
                {sco.title ?? t('scorm.learner.removedSco', { id: sco.identifier })}
              </h2>
              <p className="studio-muted">{t('scorm.tree.identifier', { id: sco.identifier })}</p>
              {sco.attempts.length === 0 ? (
                <p>{t('scorm.learner.notLaunched')}</p>
              ) : (
                sco.attempts.map((attempt) => (
                  <AttemptDetails key={attempt.id} attempt={attempt} scoTitle={sco.title ?? sco.identifier} />
                ))
              )}
            </section>
          ))}
        </>
      ) : null}
    </Page>
  );
}
