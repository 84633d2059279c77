import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, useAnnounce } from '@archipelago/ui';
import { useSubmit } from '../data/useSubmit';
import { ConflictNotice } from '../components/ConflictNotice';
import { FormProblems } from '../components/FormProblems';
import { getCohort, updateCohort, type CohortFields as Fields } from './cohorts-api';
import { COHORT_FIELD_IDS, CohortFields, readCohortFields } from './CohortFields';
import { DeadlineFields, readDeadlines } from './DeadlineFields';
import type { CohortView } from './cohortTypes';
import { problemCode } from './problemCode';
import { useCohortRefusal } from './cohortRefusal';
import { useCourseChoices, useFacilitatorChoices, type Choice, type Choices } from './useCohortChoices';

export interface CohortDetailsFormProps {
  /** The cohort as last saved; its version goes with the change. */
  cohort: CohortView;
  onSaved: (cohort: CohortView) => void;
  /** Discards the edits for the version someone else saved. */
  onReplace: (cohort: CohortView) => void;
}

type Change = Fields & { deadlines: { courseId: string; moduleId: string; dueOn: string }[] };

/** Choices on offer plus those the cohort already has (a course of another institution, say). */
const withCurrent = (choices: Choices | undefined, current: Choice[]): Choices | undefined =>
  choices === undefined
    ? undefined
    : {
        items: [
          ...choices.items,
          ...current.filter((c) => !choices.items.some((choice) => choice.id === c.id)),
        ],
        failed: choices.failed,
      };

/** The cohort's details, saved against its version: someone else's newer save is never overwritten unasked. */
export function CohortDetailsForm({ cohort, onSaved, onReplace }: CohortDetailsFormProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const submit = useSubmit();
  const [code, setCode] = useState<string | undefined>(undefined);
  const refusal = useCohortRefusal();
  const problem = refusal(submit.problem, code);
  const courses = withCurrent(
    useCourseChoices(cohort.institution.id),
    cohort.courses.map((course) => ({ id: course.id, label: course.title })),
  );
  const facilitators = withCurrent(
    useFacilitatorChoices(cohort.institution.id),
    cohort.facilitators.map((f) => ({ id: f.id, label: `${f.displayName} (${f.email})` })),
  );
  const [conflict, setConflict] = useState<{ theirs: CohortView | undefined } | null>(null);
  // What was being saved when a conflict arose, to save again over the newer version if asked.
  const pending = useRef<Change | null>(null);

  const saveOn = async (version: number, change: Change) => {
    pending.current = change;
    let stale = false;
    const result = await submit.run(async () => {
      const answer = await updateCohort(cohort.id, { ...change, version });
      setCode(problemCode(answer.error));
      stale = answer.response.status === 409 && problemCode(answer.error) !== 'cohort-closed';
      return answer;
    });
    if (result.ok && result.data) {
      setConflict(null);
      onSaved(result.data);
      announce(t('cohorts:details.saved'));
      return;
    }
    if (stale) {
      submit.clear();
      const theirs = await getCohort(cohort.id);
      setConflict({ theirs: theirs.data });
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const fields = readCohortFields(form);
    // A course taken out of the cohort takes its deadlines with it.
    const deadlines = readDeadlines(form).filter((d) => fields.courseIds.includes(d.courseId));
    void saveOn(cohort.version, { ...fields, deadlines });
  };

  const overwrite = async () => {
    const current = await getCohort(cohort.id);
    if (current.data && pending.current) await saveOn(current.data.version, pending.current);
  };

  return (
    <form className="studio-form" noValidate onSubmit={onSubmit}>
      {conflict ? (
        <ConflictNotice
          texts="cohorts:details.conflict"
          canLoadTheirs={conflict.theirs !== undefined}
          onLoadTheirs={() => {
            if (!conflict.theirs) return;
            announce(t('cohorts:details.loadedTheirs'));
            onReplace(conflict.theirs);
          }}
          onOverwrite={() => void overwrite()}
        />
      ) : null}
      <FormProblems
        problem={problem}
        failures={submit.failures}
        fieldIds={COHORT_FIELD_IDS}
        title={t('cohorts:details.failed')}
      />
      <CohortFields
        initial={{
          ...cohort,
          courseIds: cohort.courses.map((course) => course.id),
          facilitatorIds: cohort.facilitators.map((f) => f.id),
        }}
        courses={courses}
        facilitators={facilitators}
        problem={problem}
      />
      <DeadlineFields cohort={cohort} problem={problem} />
      <div className="arch-actions">
        <Button type="submit" disabled={submit.busy}>
          {t('cohorts:details.save')}
        </Button>
      </div>
    </form>
  );
}
