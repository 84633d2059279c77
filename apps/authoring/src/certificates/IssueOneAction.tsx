import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField, Skeleton, useAnnounce } from '@archipelago/ui';
import { ProblemAlert } from '../components/ProblemAlert';
import { useApiData } from '../data/useApiData';
import type { Problem } from '../data/problem';
import { useSubmit } from '../data/useSubmit';
import { ActionDialogButton } from './ActionDialogButton';
import { ReasonField } from './ReasonField';
import { issueCertificate, listEligibleLearners } from './certificates-api';
import type { EligibleLearner } from './certificateTypes';
import { useCertificateWords } from './useCertificateWords';

const SEARCH_ID = 'certificate-issue-search';
const CHOICES_ID = 'certificate-issue-learner';
const REASON_ID = 'certificate-issue-reason';

/** "Issue a certificate" for one learner, picked from the course's enrolled learners. */
export function IssueOneAction({ courseId, onIssued }: { courseId: string; onIssued: () => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const submit = useSubmit();
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<EligibleLearner | null>(null);
  const [reason, setReason] = useState('');
  const [opened, setOpened] = useState(0);
  // Submitted with nobody chosen: said at the search box, in text, not only to screen readers.
  const [mustChoose, setMustChoose] = useState(false);

  const explain = (problem: Problem): string | undefined => {
    const name = chosen?.name ?? '';
    if (problem.status === 422) return t('certificates.issue.notCompleted', { name });
    if (problem.status === 409) return t('certificates.issue.alreadyHasOne', { name });
    if (problem.status === 404) return t('certificates.issue.notEnrolled', { name });
    return undefined;
  };

  return (
    <ActionDialogButton
      label={t('certificates.issue.button')}
      variant="primary"
      dialogTitle={t('certificates.issue.title')}
      submitLabel={t('certificates.issue.submit')}
      submit={submit}
      fieldIds={{ userId: SEARCH_ID, reason: REASON_ID }}
      explain={explain}
      onOpen={() => {
        setQuery('');
        setChosen(null);
        setReason('');
        setMustChoose(false);
        setOpened((count) => count + 1);
      }}
      onSubmit={async () => {
        if (!chosen) {
          setMustChoose(true);
          // After the render that describes the box by its error, so the error is read with it.
          requestAnimationFrame(() => document.getElementById(SEARCH_ID)?.focus());
          return false;
        }
        const result = await submit.run(() =>
          issueCertificate(courseId, { userId: chosen.userId, reason: reason.trim() }),
        );
        if (!result.ok) return false;
        announce(
          t(result.data?.state === 'pending' ? 'certificates.issue.donePending' : 'certificates.issue.done', {
            name: chosen.name,
          }),
        );
        onIssued();
        return true;
      }}
    >
      <p>{t('certificates.issue.body')}</p>
      <LearnerPicker
        key={opened}
        courseId={courseId}
        query={query}
        onQuery={setQuery}
        chosen={chosen}
        onChoose={(learner) => {
          setChosen(learner);
          setMustChoose(false);
        }}
        error={mustChoose ? t('certificates.issue.chooseFirst') : undefined}
      />
      <ReasonField
        id={REASON_ID}
        hint={t('certificates.issue.reasonHint')}
        value={reason}
        onChange={setReason}
        problem={submit.problem}
      />
    </ActionDialogButton>
  );
}

interface LearnerPickerProps {
  courseId: string;
  query: string;
  onQuery: (query: string) => void;
  chosen: EligibleLearner | null;
  onChoose: (learner: EligibleLearner) => void;
  error?: string;
}

/** A search box and the matching learners as radio buttons, each saying whether they completed. */
function LearnerPicker({ courseId, query, onQuery, chosen, onChoose, error }: LearnerPickerProps) {
  const { t } = useTranslation();
  const words = useCertificateWords();
  const announce = useAnnounce();
  const searched = useDebounced(query.trim(), 300);
  const { state, reload } = useApiData(`eligible:${courseId}|${searched}`, (signal) =>
    listEligibleLearners(courseId, searched, signal),
  );
  const count = state.status === 'ready' ? state.data.items.length : null;
  // Only answers to a search are read out: on opening, the dialog's title and fields are enough.
  const searchedByHand = useRef(false);
  useEffect(() => {
    if (count !== null && searchedByHand.current) announce(t('certificates.issue.found', { count }));
  }, [count, searched, announce, t]);

  return (
    <>
      <FormField
        id={SEARCH_ID}
        label={t('certificates.issue.search')}
        hint={t('certificates.issue.searchHint')}
        error={error}
      >
        <input
          className="arch-input"
          type="search"
          autoComplete="off"
          value={query}
          onChange={(event) => {
            searchedByHand.current = true;
            onQuery(event.target.value);
          }}
          onKeyDown={(event) => {
            // Enter in the search box searches; it must not issue a certificate to whoever is chosen.
            if (event.key === 'Enter') event.preventDefault();
          }}
        />
      </FormField>
      {state.status === 'loading' ? <Skeleton lines={3} label={t('certificates.issue.loading')} /> : null}
      {state.status === 'failed' ? (
        <ProblemAlert
          title={t('certificates.issue.loadFailed')}
          problem={state.problem}
          onRetry={reload}
          headingLevel={3}
        />
      ) : null}
      {state.status === 'ready' ? (
        state.data.items.length === 0 ? (
          <p>{t('certificates.issue.noMatch')}</p>
        ) : (
          <fieldset className="studio-fieldset certificate-learner-choices" id={CHOICES_ID}>
            <legend>{t('certificates.issue.learner')}</legend>
            {state.data.items.map((learner) => {
              const id = `${CHOICES_ID}-${learner.userId}`;
              const standing = learner.certificateId
                ? t('certificates.issue.hasOne')
                : learner.completedAt
                  ? t('certificates.issue.completedOn', { date: words.date(learner.completedAt) })
                  : t('certificates.issue.notCompletedYet');
              return (
                <div className="studio-checkbox" key={learner.userId}>
                  <input
                    type="radio"
                    id={id}
                    name="learner"
                    checked={chosen?.userId === learner.userId}
                    aria-describedby={`${id}-standing`}
                    onChange={() => onChoose(learner)}
                  />
                  <label htmlFor={id}>
                    {t('certificates.issue.learnerChoice', { name: learner.name, email: learner.email })}
                  </label>
                  <p className="arch-field__hint" id={`${id}-standing`}>
                    {standing}
                  </p>
                </div>
              );
            })}
          </fieldset>
        )
      ) : null}
    </>
  );
}

/** The value once it has stopped changing for `delay` ms: one search per pause in typing. */
function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}
