import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@archipelago/api-client';
import { Button, FormField } from '@archipelago/ui';
import type { Submit } from '../data/useSubmit';
import { FormProblems, errorFor } from '../components/FormProblems';

type Kind = Schemas['InstitutionKind'];
export const KINDS: Kind[] = ['school_of_public_administration', 'ministry', 'regional_body'];

export interface InstitutionFields {
  name: string;
  slug: string;
  country: string;
  kind: Kind;
}

const FIELD_IDS = {
  name: 'institution-name',
  slug: 'institution-slug',
  country: 'institution-country',
  kind: 'institution-kind',
};

export interface InstitutionFormProps {
  initial?: InstitutionFields;
  submitLabel: string;
  submit: Submit;
  onSubmit: (fields: InstitutionFields) => void;
  onCancel?: () => void;
}

/** Name, address slug, country and kind: the same form to add an institution and to edit one. */
export function InstitutionForm({ initial, submitLabel, submit, onSubmit, onCancel }: InstitutionFormProps) {
  const { t } = useTranslation();

  const handle = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    onSubmit({
      name: text('name'),
      slug: text('slug'),
      country: text('country').toUpperCase(),
      kind: text('kind') as Kind,
    });
  };

  return (
    <form className="studio-form" noValidate onSubmit={handle}>
      <FormProblems
        problem={submit.problem}
        failures={submit.failures}
        fieldIds={FIELD_IDS}
        title={t('institutions.form.failed')}
      />
      <FormField
        label={t('institutions.form.name')}
        id={FIELD_IDS.name}
        error={errorFor(submit.problem, 'name')}
      >
        <input className="arch-input" name="name" defaultValue={initial?.name} />
      </FormField>
      <FormField
        label={t('institutions.form.slug')}
        hint={t('institutions.form.slugHint')}
        id={FIELD_IDS.slug}
        error={errorFor(submit.problem, 'slug')}
      >
        <input className="arch-input" name="slug" spellCheck={false} defaultValue={initial?.slug} />
      </FormField>
      <FormField
        label={t('institutions.form.country')}
        hint={t('institutions.form.countryHint')}
        id={FIELD_IDS.country}
        error={errorFor(submit.problem, 'country')}
      >
        <input
          className="arch-input"
          name="country"
          maxLength={2}
          autoCapitalize="characters"
          spellCheck={false}
          defaultValue={initial?.country}
        />
      </FormField>
      <FormField
        label={t('institutions.form.kind')}
        id={FIELD_IDS.kind}
        error={errorFor(submit.problem, 'kind')}
      >
        <select className="arch-input" name="kind" defaultValue={initial?.kind ?? KINDS[0]}>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`institutionKinds.${kind}`)}
            </option>
          ))}
        </select>
      </FormField>
      <div className="arch-actions">
        <Button type="submit" disabled={submit.busy}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            {t('confirm.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
