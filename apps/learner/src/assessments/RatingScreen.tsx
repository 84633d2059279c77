import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Page, ProgressBar, useAnnounce } from '@archipelago/ui';
import { assessmentPaths, type MyAssessmentView } from './assessments-api';
import { useAssessmentWords } from './assessment-words';
import { DimensionSteps } from './DimensionSteps';
import { RatingStatement } from './RatingStatement';
import { ReadOnlyStatement } from './ReadOnlyStatement';
import { SubmitPanel } from './SubmitPanel';
import { EMPTY_DRAFT, type SaveEvent } from './rating-saver';
import { useRatings } from './useRatings';

const dimensionHref = (key: string) => `?dimension=${encodeURIComponent(key)}`;

/** The rating page of a loaded assessment: facts, progress, one dimension's statements, submit. */
export function RatingScreen({ assessment }: { assessment: MyAssessmentView }) {
  const { t } = useTranslation();
  const words = useAssessmentWords();
  const announce = useAnnounce();
  const [params] = useSearchParams();
  const [submittedAt, setSubmittedAt] = useState(assessment.submittedAt);
  const [closedMeanwhile, setClosedMeanwhile] = useState(false);

  // Where each statement sits, for announcements that say which one was saved.
  const positions = useMemo(() => {
    const map = new Map<string, { number: number; dimension: string }>();
    for (const dimension of assessment.dimensions)
      dimension.statements.forEach((statement, index) =>
        map.set(statement.id, { number: index + 1, dimension: dimension.name }),
      );
    return map;
  }, [assessment.dimensions]);

  const onEvent = useCallback(
    (event: SaveEvent) => {
      if (event.type === 'round-closed') return;
      const where = positions.get(event.statementId);
      if (!where) return;
      if (event.type === 'saved') announce(t('assessments:save.announceSaved', where));
      else
        announce(
          `${t('assessments:save.announceFailed', where)} ${t(`assessments:save.failed.${event.reason}`)}`,
        );
    },
    [positions, announce, t],
  );
  const ratings = useRatings(assessment, onEvent);
  const closedNow = closedMeanwhile || ratings.roundClosed;
  const readOnly = assessment.status !== 'individual' || closedNow;

  const dimensions = assessment.dimensions;
  const requested = dimensions.findIndex((dimension) => dimension.key === params.get('dimension'));
  const current = Math.max(0, requested);
  const dimension = dimensions[current];
  const answeredBy = dimensions.map(
    (entry) => entry.statements.filter((statement) => ratings.drafts.get(statement.id)?.choice).length,
  );

  // A new dimension takes focus at its heading, as a new page would; not on the first render.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shown = useRef(current);
  useEffect(() => {
    if (shown.current === current) return;
    shown.current = current;
    headingRef.current?.focus();
  }, [current]);

  // The radio that had focus is gone once the round closes under the participant: focus goes to
  // the dimension's heading, just below the alert that says why.
  useEffect(() => {
    if (closedNow) headingRef.current?.focus();
  }, [closedNow]);

  const previous = dimensions[current - 1];
  const next = dimensions[current + 1];

  return (
    <Page title={assessment.title}>
      {assessment.description ? <p className="arch-lead">{assessment.description}</p> : null}
      <dl className="arch-facts">
        <dt>{t('assessments:facts.subject')}</dt>
        <dd>{words.subject(assessment, assessment.institution.name)}</dd>
        <dt>{t('assessments:facts.status')}</dt>
        <dd>{words.status(assessment.status)}</dd>
        {assessment.individualDueOn ? (
          <>
            <dt>{t('assessments:facts.dueOn')}</dt>
            <dd>{words.day(assessment.individualDueOn)}</dd>
          </>
        ) : null}
      </dl>

      {readOnly ? (
        <ClosedNotice status={assessment.status} meanwhile={closedNow} id={assessment.id} />
      ) : (
        <p>{t('assessments:rate.intro')}</p>
      )}

      <ProgressBar
        label={t('assessments:progress.label')}
        value={ratings.answered}
        max={Math.max(assessment.total, 1)}
        valueText={t('assessments:progress.value', { answered: ratings.answered, total: assessment.total })}
      />

      <DimensionSteps
        dimensions={dimensions}
        current={current}
        answered={answeredBy}
        hrefFor={dimensionHref}
      />

      {dimension ? (
        <section className="rating-dimension" aria-labelledby="rating-dimension-heading">
          <h2 id="rating-dimension-heading" ref={headingRef} tabIndex={-1}>
            {t('assessments:rate.dimensionHeading', {
              number: current + 1,
              total: dimensions.length,
              name: dimension.name,
            })}
          </h2>
          {dimension.description ? <p>{dimension.description}</p> : null}
          {dimension.statements.map((statement, index) =>
            readOnly ? (
              <ReadOnlyStatement
                key={statement.id}
                statement={statement}
                number={index + 1}
                count={dimension.statements.length}
                scale={assessment.scale}
                draft={ratings.drafts.get(statement.id)}
              />
            ) : (
              <RatingStatement
                key={statement.id}
                statement={statement}
                number={index + 1}
                count={dimension.statements.length}
                scale={assessment.scale}
                draft={ratings.drafts.get(statement.id) ?? EMPTY_DRAFT}
                saveState={ratings.states.get(statement.id) ?? { status: 'unchanged' }}
                onChange={(change, options) => ratings.saver.change(statement.id, change, options)}
                onRetry={() => ratings.saver.retry(statement.id)}
                onLeaveField={() => void ratings.saver.flush(statement.id)}
              />
            ),
          )}
          <nav className="rating-pager" aria-label={t('assessments:rate.pager')}>
            {previous ? (
              <Link to={dimensionHref(previous.key)} rel="prev">
                {t('assessments:rate.previous', { name: previous.name })}
              </Link>
            ) : null}
            {next ? (
              <Link to={dimensionHref(next.key)} rel="next">
                {t('assessments:rate.next', { name: next.name })}
              </Link>
            ) : null}
          </nav>
        </section>
      ) : null}

      {readOnly ? null : (
        <SubmitPanel
          assessmentId={assessment.id}
          dimensions={dimensions}
          answeredBy={answeredBy}
          submittedAt={submittedAt}
          saveAll={() => ratings.saver.saveAll()}
          onSubmitted={setSubmittedAt}
          onClosed={() => setClosedMeanwhile(true)}
          hrefFor={dimensionHref}
        />
      )}
    </Page>
  );
}

function ClosedNotice({
  status,
  meanwhile,
  id,
}: {
  status: MyAssessmentView['status'];
  meanwhile: boolean;
  id: string;
}) {
  const { t } = useTranslation();
  if (meanwhile) {
    // Said at once (role=alert): the participant was in the middle of answering.
    return (
      <Alert title={t('assessments:closed.meanwhileTitle')}>
        <p>{t('assessments:closed.meanwhile')}</p>
      </Alert>
    );
  }
  return (
    <Alert tone="info" title={t('assessments:closed.title')}>
      <p>{t(`assessments:closed.explain.${status}`)}</p>
      {status === 'completed' ? (
        <p>
          <Link to={assessmentPaths.results(id)}>{t('assessments:closed.seeResults')}</Link>
        </p>
      ) : null}
    </Alert>
  );
}
