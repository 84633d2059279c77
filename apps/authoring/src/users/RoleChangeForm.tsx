import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@archipelago/api-client';
import { Button, VisuallyHidden, useAnnounce } from '@archipelago/ui';
import { api } from '../api';
import { useSubmit } from '../data/useSubmit';
import { ProblemAlert } from '../components/ProblemAlert';

type Role = Schemas['InstitutionRole'];
export const ROLES: Role[] = ['learner', 'trainer', 'institution_admin'];

export interface RoleChangeFormProps {
  institutionId: string;
  userId: string;
  role: Role;
  /** Who and where, for the control's accessible name: "Role of Renée Trainer in …". */
  context: string;
  onChanged: (role: Role) => void;
}

/** A role select with its own Save button, for one membership in a table row. */
export function RoleChangeForm({ institutionId, userId, role, context, onChanged }: RoleChangeFormProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const id = useId();
  const submit = useSubmit();
  const [selected, setSelected] = useState<Role>(role);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = await submit.run(() =>
      api.PATCH('/api/institutions/{id}/members/{userId}', {
        params: { path: { id: institutionId, userId } },
        body: { role: selected },
      }),
    );
    if (result.ok) {
      announce(t('members.roleChanged', { context, role: t(`roles.${selected}`) }));
      onChanged(selected);
    }
  };

  return (
    <>
      <form className="studio-inline-form" onSubmit={(event) => void onSubmit(event)}>
        <label htmlFor={id} className="arch-visually-hidden">
          {t('members.roleLabel', { context })}
        </label>
        <select
          id={id}
          className="arch-input"
          value={selected}
          onChange={(event) => setSelected(event.target.value as Role)}
        >
          {ROLES.map((value) => (
            <option key={value} value={value}>
              {t(`roles.${value}`)}
            </option>
          ))}
        </select>
        <Button type="submit" variant="secondary" disabled={submit.busy || selected === role}>
          {t('members.saveRole')}
          <VisuallyHidden> ({context})</VisuallyHidden>
        </Button>
      </form>
      {submit.problem ? (
        <ProblemAlert
          key={submit.failures}
          problem={submit.problem}
          title={t('members.roleFailed')}
          headingLevel={3}
        />
      ) : null}
    </>
  );
}
