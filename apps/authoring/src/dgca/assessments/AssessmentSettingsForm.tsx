import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, useAnnounce } from '@archipelago/ui';
import { useSubmit } from '../../data/useSubmit';
import { ConflictNotice } from '../../components/ConflictNotice';
import { CheckboxWithHint } from '../../components/CheckboxWithHint';
import { FormProblems, errorFor } from '../../components/FormProblems';
import { problemCode } from '../../cohorts/problemCode';
import { getAssessment, updateAssessment } from './assessments-api';
import { ASSESSMENT_FIELD_IDS, AssessmentFields, readAssessmentSettings } from './AssessmentFields';
import type { AssessmentSettings, AssessmentView } from './assessmentTypes';
import { useAssessmentRefusal } from './assessmentRefusal';
import { usePreviousChoices } from './usePreviousChoices';

export interface AssessmentSettingsFormProps {
  /** The assessment as last saved; its revision goes with the change. */
  assessment: AssessmentView;
  onSaved: (assessment: AssessmentView) => void;
  /** Discards the edits for the version someone else saved. */
  onReplace: (assessment: AssessmentView) => void;
}

/** The settings section's heading, drawn by the assessment page around this form. */
const SETTINGS_HEADING_ID = 'dgca-settings-heading';

type Change = AssessmentSettings & { regionalOptIn: boolean };

/** The assessment's settings, saved against its revision: someone else's newer save is never overwritten unasked. */
export function AssessmentSettingsForm({ assessment, onSaved, onReplace }: AssessmentSettingsFormProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const submit = useSubmit();
  const [code, setCode] = useState<string | undefined>(undefined);
  const refusal = useAssessmentRefusal();
  const problem = refusal(submit.problem, code);
  const previous = usePreviousChoices(assessment.institution.id, assessment.id, assessment.previous);
  const [regionalOptIn, setRegionalOptIn] = useState(assessment.regionalOptIn);
  // The revision the fields show, not the page's latest: when the page reads the assessment again
  // (people added, a refused change of round), the fields keep what they showed, and saving them
  // must meet someone else's newer save as a conflict rather than silently undo it.
  const [baseRevision, setBaseRevision] = useState(assessment.revision);
  const [conflict, setConflict] = useState<{ theirs: AssessmentView | undefined } | null>(null);
  // What was being saved when a conflict arose, to save again over the newer version if asked.
  const pending = useRef<Change | null>(null);

  const saveOn = async (revision: number, change: Change) => {
    pending.current = change;
    let stale = false;
    const result = await submit.run(async () => {
      const answer = await updateAssessment(assessment.id, { ...change, revision });
      const refused = problemCode(answer.error);
      setCode(refused);
      stale = answer.response.status === 409 && refused === 'stale-version';
      return answer;
    });
    if (result.ok && result.data) {
      setConflict(null);
      setBaseRevision(result.data.revision);
      onSaved(result.data);
      announce(t('dgca:settings.saved'));
      return;
    }
    if (stale) {
      submit.clear();
      const theirs = await getAssessment(assessment.id);
      setConflict({ theirs: theirs.data });
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void saveOn(baseRevision, {
      ...readAssessmentSettings(form),
      regionalOptIn,
    });
  };

  const overwrite = async () => {
    const current = await getAssessment(assessment.id);
    if (current.data && pending.current) await saveOn(current.data.revision, pending.current);
  };

  return (
    <form className="studio-form" noValidate onSubmit={onSubmit}>
      {conflict ? (
        <ConflictNotice
          texts="dgca:settings.conflict"
          canLoadTheirs={conflict.theirs !== undefined}
          onLoadTheirs={() => {
            if (!conflict.theirs) return;
            announce(t('dgca:settings.loadedTheirs'));
            onReplace(conflict.theirs);
            // The form starts afresh without the notice whose button opened the confirmation:
            // focus rests on the section's heading (it stays) once that is drawn.
            setTimeout(() => document.getElementById(SETTINGS_HEADING_ID)?.focus());
          }}
          onOverwrite={() => void overwrite()}
        />
      ) : null}
      <FormProblems
        problem={problem}
        failures={submit.failures}
        fieldIds={ASSESSMENT_FIELD_IDS}
        title={t('dgca:settings.failed')}
      />
      <AssessmentFields
        initial={{ ...assessment, previousAssessmentId: assessment.previous?.id ?? null }}
        previousChoices={previous}
        problem={problem}
      />
      {/* Only country assessments count in the regional comparison. */}
      {assessment.subject === 'country' ? (
        <CheckboxWithHint
          id={ASSESSMENT_FIELD_IDS.regionalOptIn}
          label={t('dgca:settings.regionalOptIn')}
          hint={t('dgca:settings.regionalOptInHint')}
          checked={regionalOptIn}
          onChange={setRegionalOptIn}
          error={errorFor(problem, 'regionalOptIn')}
        />
      ) : null}
      <div className="arch-actions">
        <Button type="submit" disabled={submit.busy}>
          {t('dgca:settings.save')}
        </Button>
      </div>
    </form>
  );
}
