import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, useAnnounce, useFormatters } from '@archipelago/ui';
import { useSubmit, type Submit } from '../../data/useSubmit';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { focusAfterDialog } from '../../cohorts/focusAfterDialog';
import { problemCode } from '../../cohorts/problemCode';
import { changeStatus } from './assessments-api';
import { NEXT_STATUSES, type AssessmentStatus, type AssessmentView } from './assessmentTypes';
import { useAssessmentRefusal } from './assessmentRefusal';

const HEADING_ID = 'dgca-status-heading';

/** The key of a move's words: "open" (→ individual from draft), "reopen" (→ individual from consensus)… */
const moveKey = (from: AssessmentStatus, to: AssessmentStatus): string =>
  to === 'individual' ? (from === 'draft' ? 'open' : 'reopen') : to;

export interface StatusActionsProps {
  assessment: AssessmentView;
  onChanged: (assessment: AssessmentView) => void;
  /** Reads the assessment again, when someone else changed it meanwhile. */
  reload: () => void;
}

/**
 * Where the assessment stands and the next steps of the round, each after a confirmation saying
 * what it changes for participants (the API e-mails them when the individual round opens).
 */
export function StatusActions({ assessment, onChanged, reload }: StatusActionsProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const format = useFormatters();
  const submitted = useSubmit();
  const [code, setCode] = useState<string | undefined>(undefined);
  const refusal = useAssessmentRefusal();
  const stale = code === 'stale-version';
  const action: Submit = {
    ...submitted,
    problem:
      stale && submitted.problem
        ? { ...submitted.problem, detail: t('dgca:round.stale') }
        : refusal(submitted.problem, code),
  };
  const [target, setTarget] = useState<AssessmentStatus | null>(null);
  const next = NEXT_STATUSES[assessment.status];

  const confirm = async () => {
    if (!target) return;
    const from = assessment.status;
    const result = await submitted.run(async () => {
      const answer = await changeStatus(assessment.id, assessment.revision, target);
      const refused = problemCode(answer.error);
      setCode(refused);
      // Someone else moved or edited it: read it again so the next attempt is on what is there now.
      if (refused === 'stale-version') reload();
      return answer;
    });
    if (result.ok && result.data) {
      // The pressed button may be gone with the new status: focus rests on this section's heading.
      focusAfterDialog(HEADING_ID);
      setTarget(null);
      announce(t(`dgca:round.moves.${moveKey(from, target)}.done`));
      onChanged(result.data);
    }
  };

  return (
    <section className="studio-section" aria-labelledby={HEADING_ID}>
      <h2 id={HEADING_ID} tabIndex={-1}>
        {t('dgca:round.title')}
      </h2>
      <p>{t(`dgca:round.explain.${assessment.status}`)}</p>
      <p>
        {t('dgca:round.progress', {
          participants: format.number(assessment.participants),
          answeredAll: format.number(assessment.answeredAll),
          submitted: format.number(assessment.submitted),
          statements: format.number(assessment.statements),
        })}
      </p>
      {next.length > 0 ? (
        <div className="arch-actions">
          {next.map((to) => (
            <Button
              key={to}
              variant={to === 'individual' && assessment.status !== 'draft' ? 'secondary' : 'primary'}
              aria-haspopup="dialog"
              onClick={() => {
                submitted.clear();
                setCode(undefined);
                setTarget(to);
              }}
            >
              {t(`dgca:round.moves.${moveKey(assessment.status, to)}.button`)}
            </Button>
          ))}
        </div>
      ) : null}
      <ConfirmDialog
        open={target !== null}
        onClose={() => setTarget(null)}
        title={
          target
            ? t(`dgca:round.moves.${moveKey(assessment.status, target)}.title`, { title: assessment.title })
            : ''
        }
        confirmLabel={target ? t(`dgca:round.moves.${moveKey(assessment.status, target)}.button`) : ''}
        variant={target === 'completed' ? 'danger' : 'primary'}
        onConfirm={() => void confirm()}
        submit={action}
      >
        <p>{target ? t(`dgca:round.moves.${moveKey(assessment.status, target)}.confirm`) : null}</p>
      </ConfirmDialog>
    </section>
  );
}
