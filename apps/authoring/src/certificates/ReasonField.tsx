import { useTranslation } from 'react-i18next';
import { FormField } from '@archipelago/ui';
import { errorFor } from '../components/FormProblems';
import type { Problem } from '../data/problem';

export interface ReasonFieldProps {
  id: string;
  /** Why this action asks for a reason and who will read it. */
  hint: string;
  value: string;
  onChange: (reason: string) => void;
  /** The last refusal: its message about `reason` shows at the field. */
  problem: Problem | null;
}

/** The required "Reason" every certificate action records in the audit log (decline, revoke, re-issue, issue, batch). */
export function ReasonField({ id, hint, value, onChange, problem }: ReasonFieldProps) {
  const { t } = useTranslation();
  return (
    <FormField id={id} label={t('certificates.reason')} hint={hint} error={errorFor(problem, 'reason')}>
      <textarea
        className="arch-input"
        required
        maxLength={1000}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </FormField>
  );
}
