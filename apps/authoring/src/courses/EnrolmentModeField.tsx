import { useTranslation } from 'react-i18next';
import { FormField } from '@archipelago/ui';
import { ENROLMENT_MODES, type EnrolmentMode } from './courseTypes';

/** How learners join a course: the same choice on the new-course form and the course's details. */
export function EnrolmentModeField({
  id,
  error,
  defaultValue,
}: {
  id: string;
  error: string | undefined;
  defaultValue: EnrolmentMode;
}) {
  const { t } = useTranslation();
  return (
    <FormField label={t('courses.form.enrolmentMode')} id={id} error={error}>
      <select className="arch-input" name="enrolmentMode" defaultValue={defaultValue}>
        {ENROLMENT_MODES.map((mode) => (
          <option key={mode} value={mode}>
            {t(`courses.enrolmentModes.${mode}`)}
          </option>
        ))}
      </select>
    </FormField>
  );
}
