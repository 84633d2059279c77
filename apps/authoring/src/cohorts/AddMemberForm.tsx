import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LanguageOptions,
  isLanguage,
  Button,
  FormField,
  useAnnounce,
  useFormatters,
  type Language,
} from '@archipelago/ui';
import { useSubmit } from '../data/useSubmit';
import { FormProblems, errorFor } from '../components/FormProblems';
import { addMember } from './cohorts-api';
import { instantToDay, periodText } from './cohortDates';
import type { CohortView } from './cohortTypes';
import { problemCode } from './problemCode';

const FIELD_IDS = {
  email: 'cohort-add-email',
  givenName: 'cohort-add-given',
  familyName: 'cohort-add-family',
  language: 'cohort-add-language',
};

/**
 * "Add a person": someone with an account is enrolled at once; anyone else is invited, by the
 * names and in the language given here.
 */
export function AddMemberForm({ cohort, onAdded }: { cohort: CohortView; onAdded: () => void }) {
  const { t, i18n } = useTranslation();
  const announce = useAnnounce();
  const submit = useSubmit();
  const formRef = useRef<HTMLFormElement>(null);
  // What the last addition did, kept on screen: "already in the cohort" changes nothing else there.
  const [outcome, setOutcome] = useState<string | null>(null);
  // The refusals this form can explain itself (the API words them in English).
  const [explained, setExplained] = useState<string | null>(null);
  const format = useFormatters();

  const explain = (error: unknown): string | null => {
    const code = problemCode(error);
    if (code === 'cohort-closed') return t('cohorts:add.refusedClosed');
    if (code !== 'enrolment-window') return null;
    const { enrolmentOpensAt = null, enrolmentClosesAt = null } = error as {
      enrolmentOpensAt?: string | null;
      enrolmentClosesAt?: string | null;
    };
    const window = periodText(
      format,
      t,
      enrolmentOpensAt ? instantToDay(enrolmentOpensAt) : null,
      enrolmentClosesAt ? instantToDay(enrolmentClosesAt) : null,
    );
    return t('cohorts:add.refusedWindow', { window: window ?? '' });
  };
  const current = i18n.resolvedLanguage ?? i18n.language;
  const defaultLanguage: Language = isLanguage(current) ? current : 'en';

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const email = text('email');
    const language = text('language');
    setOutcome(null);
    let refusal: unknown;
    const result = await submit.run(async () => {
      const answer = await addMember(cohort.id, {
        email,
        givenName: text('givenName') || undefined,
        familyName: text('familyName') || undefined,
        language: isLanguage(language) ? language : undefined,
      });
      refusal = answer.error;
      return answer;
    });
    setExplained(result.ok ? null : explain(refusal));
    if (result.ok && result.data) {
      const said = t(`cohorts:add.outcome.${result.data.outcome}`, { email });
      setOutcome(said);
      announce(said);
      formRef.current?.reset();
      document.getElementById(FIELD_IDS.email)?.focus();
      onAdded();
    }
  };

  return (
    <section className="studio-section" aria-labelledby="cohort-add-heading">
      <h2 id="cohort-add-heading">{t('cohorts:add.title')}</h2>
      <p>{t('cohorts:add.intro')}</p>
      <form ref={formRef} className="studio-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <FormProblems
          problem={submit.problem && explained ? { ...submit.problem, detail: explained } : submit.problem}
          failures={submit.failures}
          fieldIds={FIELD_IDS}
          title={t('cohorts:add.failed')}
        />
        <FormField
          label={t('cohorts:add.email')}
          id={FIELD_IDS.email}
          error={errorFor(submit.problem, 'email')}
        >
          <input className="arch-input" name="email" type="email" autoComplete="off" spellCheck={false} />
        </FormField>
        <fieldset className="studio-fieldset">
          <legend>{t('cohorts:add.newPerson')}</legend>
          <p className="arch-field__hint">{t('cohorts:add.newPersonHint')}</p>
          <FormField
            label={t('cohorts:add.givenName')}
            id={FIELD_IDS.givenName}
            error={errorFor(submit.problem, 'givenName')}
          >
            <input className="arch-input" name="givenName" autoComplete="off" />
          </FormField>
          <FormField
            label={t('cohorts:add.familyName')}
            id={FIELD_IDS.familyName}
            error={errorFor(submit.problem, 'familyName')}
          >
            <input className="arch-input" name="familyName" autoComplete="off" />
          </FormField>
          <FormField
            label={t('cohorts:add.language')}
            id={FIELD_IDS.language}
            error={errorFor(submit.problem, 'language')}
          >
            <select className="arch-input" name="language" defaultValue={defaultLanguage}>
              <LanguageOptions />
            </select>
          </FormField>
        </fieldset>
        <div className="arch-actions">
          <Button type="submit" disabled={submit.busy}>
            {t('cohorts:add.submit')}
          </Button>
        </div>
        {/* Screen readers heard it through the live region; this is for the eyes. */}
        {outcome ? <p className="cohort-add-outcome">{outcome}</p> : null}
      </form>
    </section>
  );
}
