import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, FormField, useAnnounce } from '@archipelago/ui';
import { errorFor, FormProblems } from '../../components/FormProblems';
import { useSubmit } from '../../data/useSubmit';
import { gradeSlot, type AttemptReview, type ReviewSlot } from '../results-api';

export interface GradeFormProps {
  attemptId: string;
  slot: ReviewSlot;
  /** The question's position in the attempt, as shown. */
  number: number;
  onGraded: (review: AttemptReview | undefined) => void;
}

/** Points and a comment for an essay; saving tells the learner by e-mail. */
export function GradeForm({ attemptId, slot, number, onGraded }: GradeFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const announce = useAnnounce();
  const submit = useSubmit();
  const [points, setPoints] = useState(slot.points === null ? '' : String(slot.points));
  const [comment, setComment] = useState(slot.comment ?? '');
  const [localError, setLocalError] = useState<string | undefined>(undefined);

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = Number(points);
    if (points.trim() === '' || !Number.isFinite(value) || value < 0 || value > slot.maxPoints) {
      setLocalError(t('quizzes.grade.pointsRange', { max: slot.maxPoints }));
      document.getElementById(`${id}-points`)?.focus();
      return;
    }
    setLocalError(undefined);
    const result = await submit.run(() =>
      gradeSlot(attemptId, slot.slot, { points: value, comment: comment.trim() }),
    );
    if (result.ok) {
      announce(t('quizzes.grade.saved', { number }));
      onGraded(result.data);
    }
  };

  return (
    <form className="studio-form quiz-grade" noValidate onSubmit={(event) => void save(event)}>
      <FormProblems
        problem={submit.problem}
        failures={submit.failures}
        fieldIds={{ points: `${id}-points`, comment: `${id}-comment` }}
        title={t('quizzes.grade.failed')}
      />
      <FormField
        label={t('quizzes.grade.points', { max: slot.maxPoints })}
        id={`${id}-points`}
        error={localError ?? errorFor(submit.problem, 'points')}
      >
        <input
          className="arch-input studio-number-input"
          type="number"
          min={0}
          max={slot.maxPoints}
          step="any"
          value={points}
          onChange={(event) => setPoints(event.target.value)}
        />
      </FormField>
      <FormField
        label={t('quizzes.grade.comment')}
        hint={t('quizzes.grade.commentHint')}
        id={`${id}-comment`}
        error={errorFor(submit.problem, 'comment')}
      >
        <textarea
          className="arch-input"
          rows={3}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
        />
      </FormField>
      <Button type="submit" disabled={submit.busy}>
        {t('quizzes.grade.save')}
      </Button>
    </form>
  );
}
