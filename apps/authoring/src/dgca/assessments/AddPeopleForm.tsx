import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, FormField, LanguageOptions, isLanguage, useAnnounce, type Language } from '@archipelago/ui';
import { useSubmit } from '../../data/useSubmit';
import { FormProblems, errorFor } from '../../components/FormProblems';
import { problemCode } from '../../cohorts/problemCode';
import { addParticipants } from './assessments-api';
import type { AddOutcome, AssessmentView } from './assessmentTypes';
import { useAssessmentRefusal } from './assessmentRefusal';
import { parsePeople } from './parsePeople';

const FIELD_IDS = { people: 'dgca-add-people', language: 'dgca-add-language' };
const MAX_PEOPLE = 200;

/**
 * "Add people": a list of addresses, one a line. Someone with an account becomes a participant at
 * once; anyone else is invited to sign up (in the language chosen here) and joins on accepting.
 */
export function AddPeopleForm({ assessment, onAdded }: { assessment: AssessmentView; onAdded: () => void }) {
  const { t, i18n } = useTranslation();
  const announce = useAnnounce();
  const submit = useSubmit();
  const formRef = useRef<HTMLFormElement>(null);
  const [code, setCode] = useState<string | undefined>(undefined);
  const refusal = useAssessmentRefusal();
  // Lines that are not addresses, found here before anything is sent.
  const [localError, setLocalError] = useState<string | null>(null);
  // What the last addition did, kept on screen for the eyes (screen readers heard a summary).
  const [outcomes, setOutcomes] = useState<{ email: string; outcome: AddOutcome }[]>([]);
  const current = i18n.resolvedLanguage ?? i18n.language;
  const defaultLanguage: Language = isLanguage(current) ? current : 'en';
  // The API names a bad address by its place in the list ("people.2.email"): it is shown at the box.
  const problem = refusal(
    submit.problem && {
      ...submit.problem,
      errors: submit.problem.errors.map((e) =>
        e.field.startsWith('people.') ? { ...e, field: 'people' } : e,
      ),
    },
    code,
  );
  const peopleError = localError ?? errorFor(problem, 'people');

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const { people, invalid } = parsePeople(String(form.get('people') ?? ''));
    const language = String(form.get('language') ?? '');
    setOutcomes([]);
    if (invalid.length > 0 || people.length === 0 || people.length > MAX_PEOPLE) {
      const message =
        invalid.length > 0
          ? t('dgca:add.invalidLines', { count: invalid.length, lines: invalid.join(', ') })
          : people.length === 0
            ? t('dgca:add.nobody')
            : t('dgca:add.tooMany', { max: MAX_PEOPLE });
      submit.clear();
      setLocalError(message);
      announce(message);
      document.getElementById(FIELD_IDS.people)?.focus();
      return;
    }
    setLocalError(null);
    const result = await submit.run(async () => {
      const answer = await addParticipants(assessment.id, {
        people,
        language: isLanguage(language) ? language : undefined,
      });
      setCode(problemCode(answer.error));
      return answer;
    });
    if (result.ok && result.data) {
      const { results } = result.data;
      const count = (outcome: AddOutcome) => results.filter((r) => r.outcome === outcome).length;
      announce(
        t('dgca:add.summary', {
          added: count('added'),
          invited: count('invited'),
          already: count('already'),
        }),
      );
      setOutcomes(results);
      formRef.current?.reset();
      document.getElementById(FIELD_IDS.people)?.focus();
      onAdded();
    }
  };

  return (
    <section className="studio-section" aria-labelledby="dgca-add-heading">
      <h2 id="dgca-add-heading">{t('dgca:add.title')}</h2>
      <p>{t(assessment.status === 'individual' ? 'dgca:add.introOpen' : 'dgca:add.intro')}</p>
      <form ref={formRef} className="studio-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <FormProblems
          problem={problem}
          failures={submit.failures}
          fieldIds={FIELD_IDS}
          title={t('dgca:add.failed')}
        />
        <FormField
          label={t('dgca:add.people')}
          hint={t('dgca:add.peopleHint')}
          id={FIELD_IDS.people}
          error={peopleError}
        >
          <textarea className="arch-input" name="people" rows={5} spellCheck={false} autoComplete="off" />
        </FormField>
        <FormField
          label={t('dgca:add.language')}
          hint={t('dgca:add.languageHint')}
          id={FIELD_IDS.language}
          error={errorFor(problem, 'language')}
        >
          <select className="arch-input" name="language" defaultValue={defaultLanguage}>
            <LanguageOptions />
          </select>
        </FormField>
        <div className="arch-actions">
          <Button type="submit" disabled={submit.busy}>
            {t('dgca:add.submit')}
          </Button>
        </div>
        {outcomes.length > 0 ? (
          <ul className="dgca-outcomes" aria-label={t('dgca:add.outcomesLabel')}>
            {outcomes.map((r) => (
              <li key={r.email}>{t(`dgca:add.outcome.${r.outcome}`, { email: r.email })}</li>
            ))}
          </ul>
        ) : null}
      </form>
    </section>
  );
}
