import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '@archipelago/ui';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useSubmit } from '../../data/useSubmit';
import { problemCode } from '../../cohorts/problemCode';
import { deleteAssessment } from './assessments-api';
import type { AssessmentView } from './assessmentTypes';
import { useAssessmentRefusal } from './assessmentRefusal';

/** "Delete this draft", after a confirmation: only drafts go, before anyone has rated anything. */
export function DeleteAssessmentAction({ assessment }: { assessment: AssessmentView }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const submitted = useSubmit();
  const [code, setCode] = useState<string | undefined>(undefined);
  const refusal = useAssessmentRefusal();
  const submit = { ...submitted, problem: refusal(submitted.problem, code) };
  return (
    <section className="studio-section" aria-labelledby="dgca-delete-heading">
      <h2 id="dgca-delete-heading">{t('dgca:delete.title')}</h2>
      <p>{t('dgca:delete.intro')}</p>
      <ConfirmButton
        label={t('dgca:delete.button')}
        variant="danger"
        dialogTitle={t('dgca:delete.dialogTitle', { title: assessment.title })}
        dialogVariant="danger"
        submit={submit}
        onConfirm={async (close) => {
          const result = await submitted.run(async () => {
            const answer = await deleteAssessment(assessment.id, assessment.revision);
            setCode(problemCode(answer.error));
            return answer;
          });
          if (result.ok) {
            close();
            announce(t('dgca:delete.done', { title: assessment.title }));
            await navigate('/assessments');
          }
        }}
      >
        <p>{t('dgca:delete.confirm')}</p>
      </ConfirmButton>
    </section>
  );
}
