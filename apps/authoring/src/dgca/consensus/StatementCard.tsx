import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScaleLevel, StatementConsensus } from '../results/resultsTypes';
import type { ResultsWords } from '../results/useResultsWords';
import { ConsensusForm } from './ConsensusForm';
import { DistributionList } from './DistributionList';

export interface StatementCardProps {
  assessmentId: string;
  statement: StatementConsensus;
  number: number;
  scale: ScaleLevel[];
  withheld: boolean;
  /** False once the assessment is completed: the agreed rating is shown, not edited. */
  editable: boolean;
  words: ResultsWords;
  onRecorded: (statement: StatementConsensus) => void;
}

/** One statement in the consensus round: how the team rated it (anonymously), and what the group agrees. */
export function StatementCard({
  assessmentId,
  statement,
  number,
  scale,
  withheld,
  editable,
  words,
  onRecorded,
}: StatementCardProps) {
  const { t } = useTranslation();
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const consensus = statement.consensus;
  // The whole round, or only this statement, may rest on too few people to show how they rated.
  const hidden = withheld || statement.withheld;
  const agreed = consensus
    ? consensus.dontKnow || consensus.value === null
      ? t('dgcaResults:dontKnow')
      : levelName(scale, consensus.value, t)
    : t('dgcaResults:consensus.notRecorded');

  return (
    <article
      className="dgca-statement"
      aria-labelledby={`${id}-heading`}
      data-statement={statement.statementId}
    >
      <h3 id={`${id}-heading`}>
        <span className="dgca-statement__number">
          {t('dgcaResults:consensus.statementNumber', { number })}
        </span>{' '}
        {statement.text}
      </h3>
      {statement.disagreement ? (
        <p className="dgca-flag">
          <span aria-hidden="true">⚠ </span>
          <strong>{t('dgcaResults:consensus.disagreement')}</strong>{' '}
          {t('dgcaResults:consensus.disagreementHint')}
        </p>
      ) : null}
      <dl className="studio-facts">
        <dt>{t('dgcaResults:consensus.answered')}</dt>
        <dd>{words.count(statement.answered)}</dd>
        <dt>{t('dgcaResults:consensus.mean')}</dt>
        <dd>{hidden ? t('dgcaResults:withheldWord') : words.score(statement.mean)}</dd>
        <dt>{t('dgcaResults:consensus.spread')}</dt>
        <dd>{hidden ? t('dgcaResults:withheldWord') : words.spread(statement.spread)}</dd>
        <dt>{t('dgcaResults:consensus.agreedRating')}</dt>
        <dd>{agreed}</dd>
      </dl>
      {statement.withheld && !withheld ? (
        <p className="dgca-note">{t('dgcaResults:consensus.statementWithheld')}</p>
      ) : null}
      {hidden ? null : (
        <>
          <h4 id={`${id}-distribution`}>{t('dgcaResults:consensus.distribution')}</h4>
          <DistributionList
            statement={statement}
            scale={scale}
            words={words}
            labelId={`${id}-distribution`}
          />
          <h4>{t('dgcaResults:consensus.comments')}</h4>
          {statement.comments.length === 0 ? (
            <p className="studio-muted">{t('dgcaResults:consensus.noComments')}</p>
          ) : (
            <ul className="dgca-comments">
              {statement.comments.map((comment, index) => (
                <li key={index}>
                  <p>{comment.text}</p>
                  {comment.evidenceUrl ? (
                    <p>
                      {t('dgcaResults:consensus.evidence')}{' '}
                      <a href={comment.evidenceUrl} rel="noopener noreferrer" target="_blank">
                        {comment.evidenceUrl}
                        <span className="arch-visually-hidden"> {t('dgcaResults:opensInNewTab')}</span>
                      </a>
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {editable ? (
        <ConsensusForm
          assessmentId={assessmentId}
          statement={statement}
          number={number}
          scale={scale}
          words={words}
          onRecorded={onRecorded}
        />
      ) : consensus?.notes ? (
        <>
          <h4>{t('dgcaResults:consensus.form.notes')}</h4>
          <p className="dgca-notes">{consensus.notes}</p>
        </>
      ) : null}
    </article>
  );
}

function levelName(
  scale: ScaleLevel[],
  value: number,
  t: (key: string, options?: Record<string, unknown>) => string,
) {
  const level = scale.find((entry) => entry.value === value);
  return level ? t('dgcaResults:scaleLevel', { value: level.value, label: level.label }) : String(value);
}
