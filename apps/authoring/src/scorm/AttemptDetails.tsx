import { useTranslation } from 'react-i18next';
import { Table } from '@archipelago/ui';
import type { ScormAttemptView, ScormInteraction } from './scormTypes';
import { useScormFormat } from './useScormFormat';

const INTERACTION_TYPES = new Set([
  'true-false',
  'choice',
  'fill-in',
  'long-fill-in',
  'matching',
  'performance',
  'sequencing',
  'likert',
  'numeric',
  'other',
]);
const INTERACTION_RESULTS = new Set(['correct', 'incorrect', 'wrong', 'unanticipated', 'neutral']);

/** One attempt of one SCO: its state, statuses, score, time, where the learner was, and their answers. */
export function AttemptDetails({ attempt, scoTitle }: { attempt: ScormAttemptView; scoTitle: string }) {
  const { t } = useTranslation();
  const show = useScormFormat();
  const dash = t('scorm.learner.none');
  // Words for the vocabularies of both SCORM versions; anything else (a numeric result) as written.
  const interactionType = (type: string) =>
    INTERACTION_TYPES.has(type) ? t(`scorm.interactionTypes.${type}`) : type;
  const interactionResult = (result: string) =>
    INTERACTION_RESULTS.has(result) ? t(`scorm.interactionResults.${result}`) : result;
  const raw =
    attempt.scoreRaw === null
      ? null
      : attempt.scoreMax !== null
        ? t('scorm.learner.rawOf', {
            raw: show.number(attempt.scoreRaw),
            min: show.number(attempt.scoreMin ?? 0),
            max: show.number(attempt.scoreMax),
          })
        : show.number(attempt.scoreRaw);
  const score = [raw, attempt.scoreScaled === null ? null : show.percent(attempt.scoreScaled)]
    .filter((part) => part !== null)
    .join(' · ');

  return (
    <article className="scorm-attempt" aria-labelledby={`scorm-attempt-${attempt.id}`}>
      <h3 id={`scorm-attempt-${attempt.id}`}>
        {t('scorm.learner.attemptTitle', {
          number: attempt.number,
          state: t(`scorm.attemptState.${attempt.state}`),
        })}
      </h3>
      <dl className="arch-facts">
        <dt>{t('scorm.learner.started')}</dt>
        <dd>{show.date(attempt.startedAt)}</dd>
        <dt>{t('scorm.learner.updated')}</dt>
        <dd>{show.date(attempt.updatedAt)}</dd>
        <dt>{t('scorm.learner.ended')}</dt>
        <dd>{attempt.endedAt ? show.date(attempt.endedAt) : dash}</dd>
        <dt>{t('scorm.learner.sessions')}</dt>
        <dd>{show.number(attempt.sessionCount)}</dd>
        <dt>{t('scorm.learner.completion')}</dt>
        <dd>{show.completion(attempt.completion)}</dd>
        <dt>{t('scorm.learner.success')}</dt>
        <dd>{show.success(attempt.success)}</dd>
        <dt>{t('scorm.learner.score')}</dt>
        <dd>{score || t('scorm.noScore')}</dd>
        <dt>{t('scorm.learner.totalTime')}</dt>
        <dd>{show.duration(attempt.totalSeconds)}</dd>
        <dt>{t('scorm.learner.location')}</dt>
        <dd>{attempt.location ? <code>{attempt.location}</code> : dash}</dd>
        <dt>{t('scorm.learner.suspendData')}</dt>
        <dd>
          {t('scorm.learner.characters', {
            length: show.number(attempt.suspendDataLength),
            count: attempt.suspendDataLength,
          })}
        </dd>
        <dt>{t('scorm.learner.exit')}</dt>
        <dd>{attempt.exit ? <code>{attempt.exit}</code> : dash}</dd>
      </dl>
      {attempt.interactions.length === 0 ? (
        <p>{t('scorm.learner.noInteractions')}</p>
      ) : (
        <Table<ScormInteraction & { position: number }>
          caption={t('scorm.learner.interactionsCaption', { number: attempt.number, sco: scoTitle })}
          rows={attempt.interactions.map((interaction, position) => ({ ...interaction, position }))}
          // A SCO may record the same interaction id more than once (1.2 appends): the position is unique.
          rowKey={(row) => row.position}
          columns={[
            { key: 'id', header: t('scorm.interactions.id'), render: (row) => row.description || row.id },
            {
              key: 'type',
              header: t('scorm.interactions.type'),
              render: (row) => (row.type ? interactionType(row.type) : dash),
            },
            {
              key: 'response',
              header: t('scorm.interactions.response'),
              render: (row) => row.learnerResponse ?? dash,
            },
            {
              key: 'correct',
              header: t('scorm.interactions.correct'),
              render: (row) => (row.correctResponses.length > 0 ? row.correctResponses.join('; ') : dash),
            },
            {
              key: 'result',
              header: t('scorm.interactions.result'),
              render: (row) => (row.result ? interactionResult(row.result) : dash),
            },
            {
              key: 'weighting',
              header: t('scorm.interactions.weighting'),
              render: (row) => (row.weighting === null ? dash : String(row.weighting)),
            },
            {
              key: 'latency',
              header: t('scorm.interactions.latency'),
              render: (row) => (row.latency ? show.timespan(row.latency) : dash),
            },
            {
              key: 'time',
              header: t('scorm.interactions.time'),
              render: (row) => row.timestamp ?? dash,
            },
          ]}
        />
      )}
    </article>
  );
}
