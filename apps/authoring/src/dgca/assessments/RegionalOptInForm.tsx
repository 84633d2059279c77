import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, useAnnounce } from '@archipelago/ui';
import { useSubmit } from '../../data/useSubmit';
import { CheckboxWithHint } from '../../components/CheckboxWithHint';
import { FormProblems } from '../../components/FormProblems';
import { problemCode } from '../../cohorts/problemCode';
import { getAssessment, updateAssessment } from './assessments-api';
import type { AssessmentView } from './assessmentTypes';
import { ASSESSMENT_FIELD_IDS } from './AssessmentFields';

export interface RegionalOptInFormProps {
  assessment: AssessmentView;
  onSaved: (assessment: AssessmentView) => void;
  /** Someone else saved first: the page takes their version and the choice is made again on it. */
  onReplace: (assessment: AssessmentView) => void;
}

/**
 * The one setting a completed assessment keeps open: whether its profile counts in the anonymous
 * regional aggregate (shown only once three countries or more have opted in).
 */
export function RegionalOptInForm({ assessment, onSaved, onReplace }: RegionalOptInFormProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const submit = useSubmit();
  const [optIn, setOptIn] = useState(assessment.regionalOptIn);
  // Said on screen, not only announced, when someone else's save came first.
  const [stalePrompt, setStalePrompt] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    let stale = false;
    setStalePrompt(false);
    const result = await submit.run(async () => {
      const answer = await updateAssessment(assessment.id, {
        revision: assessment.revision,
        regionalOptIn: optIn,
      });
      stale = answer.response.status === 409 && problemCode(answer.error) === 'stale-version';
      return answer;
    });
    if (result.ok && result.data) {
      onSaved(result.data);
      announce(t('dgca:settings.saved'));
    } else if (stale) {
      // A single yes/no: nothing typed is lost by taking their version and saying so.
      const theirs = await getAssessment(assessment.id);
      if (theirs.data) {
        submit.clear();
        setStalePrompt(true);
        // A status region added with its words already in it is not read out: say them too.
        announce(t('dgca:settings.optInStale'));
        onReplace(theirs.data);
        setOptIn(theirs.data.regionalOptIn);
      }
    }
  };

  return (
    <form className="studio-form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <FormProblems
        problem={submit.problem}
        failures={submit.failures}
        fieldIds={ASSESSMENT_FIELD_IDS}
        title={t('dgca:settings.failed')}
      />
      {stalePrompt ? <p role="status">{t('dgca:settings.optInStale')}</p> : null}
      <CheckboxWithHint
        id={ASSESSMENT_FIELD_IDS.regionalOptIn}
        label={t('dgca:settings.regionalOptIn')}
        hint={t('dgca:settings.regionalOptInHint')}
        checked={optIn}
        onChange={setOptIn}
      />
      <div className="arch-actions">
        <Button type="submit" disabled={submit.busy}>
          {t('dgca:settings.saveOptIn')}
        </Button>
      </div>
    </form>
  );
}
