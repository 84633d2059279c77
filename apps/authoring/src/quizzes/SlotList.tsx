import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, Skeleton } from '@archipelago/ui';
import { ProblemAlert } from '../components/ProblemAlert';
import { useApiData } from '../data/useApiData';
import { NumberField } from '../questions/form/inputs';
import { focusIdLater, moved, RowControls } from '../questions/form/RowControls';
import { QuestionPreview } from '../questions/QuestionPreview';
import { getQuestion } from '../questions/questions-api';
import type { QuizSlotView } from './quizTypes';

/** A slot with a key of its own while the editor is open (slots have no ids). */
export interface KeyedSlot {
  key: string;
  slot: QuizSlotView;
}

export interface SlotListProps {
  slots: KeyedSlot[];
  onChange: (slots: KeyedSlot[]) => void;
  /** Where focus goes when the last slot is removed. */
  emptyFocusId: string;
}

/**
 * The quiz's questions in order: fixed questions from the bank and random draws from a category.
 * Reordered with buttons (announced), each with a points override and a learner's-eye preview.
 */
export function SlotList({ slots, onChange, emptyFocusId }: SlotListProps) {
  const { t } = useTranslation();
  if (slots.length === 0) return <p>{t('quizzes.slots.empty')}</p>;
  const update = (index: number, slot: QuizSlotView) =>
    onChange(slots.map((entry, position) => (position === index ? { ...entry, slot } : entry)));

  return (
    <ol className="quiz-slots">
      {slots.map(({ key, slot }, index) => {
        const name =
          slot.kind === 'question'
            ? t('quizzes.slots.questionName', { number: index + 1, name: slot.question?.name ?? '' })
            : t('quizzes.slots.randomName', { number: index + 1, category: slot.category });
        return (
          <li key={key} className="quiz-slot" id={`slot-${key}`}>
            {slot.kind === 'question' ? (
              <FixedSlot slot={slot} number={index + 1} headingId={`slot-${key}-heading`} />
            ) : (
              <>
                <h3 className="quiz-slot__title" id={`slot-${key}-heading`} tabIndex={-1}>
                  {t('quizzes.slots.randomTitle', {
                    number: index + 1,
                    questions: slot.count,
                    category: slot.category,
                  })}
                </h3>
                {slot.available !== undefined ? (
                  <p className="studio-muted">
                    {t('quizzes.slots.available', { available: slot.available })}
                  </p>
                ) : null}
                <NumberField
                  label={t('quizzes.slots.count', { number: index + 1 })}
                  path={`slots.${index}.count`}
                  min={1}
                  step={1}
                  value={slot.count}
                  onChange={(count) => update(index, { ...slot, count: Math.max(1, Math.round(count ?? 1)) })}
                />
              </>
            )}
            <NumberField
              label={t('quizzes.slots.points', { number: index + 1 })}
              hint={t('quizzes.slots.pointsHint')}
              path={`slots.${index}.points`}
              min={0}
              value={slot.points ?? null}
              onChange={(points) => {
                const { points: _old, ...rest } = slot;
                update(index, points === null ? rest : { ...rest, points });
              }}
            />
            <RowControls
              name={name}
              rowKey={`slot:${key}`}
              index={index}
              count={slots.length}
              minimum={0}
              onMove={(from, to) => onChange(moved(slots, from, to))}
              onRemove={() => {
                const next = slots.filter((_, position) => position !== index);
                onChange(next);
                const neighbour = next[Math.min(index, next.length - 1)];
                focusIdLater(neighbour ? `slot-${neighbour.key}-heading` : emptyFocusId);
              }}
            />
          </li>
        );
      })}
    </ol>
  );
}

interface FixedSlotProps {
  slot: Extract<QuizSlotView, { kind: 'question' }>;
  number: number;
  headingId: string;
}

function FixedSlot({ slot, number, headingId }: FixedSlotProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const summary = slot.question;
  return (
    <>
      <h3 className="quiz-slot__title" id={headingId} tabIndex={-1}>
        {t('quizzes.slots.questionTitle', { number })}{' '}
        <Link to={`/questions/${slot.questionId}`}>{summary?.name ?? slot.questionId}</Link>
      </h3>
      {summary ? (
        <p className="studio-muted">
          {t('quizzes.slots.questionFacts', {
            type: t(`questions.types.${summary.type}`),
            category: summary.category,
            points: summary.points,
            version: summary.version,
          })}
        </p>
      ) : null}
      <Button variant="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('quizzes.slots.preview', { number })}
      </Button>
      {open ? <SlotPreview questionId={slot.questionId} /> : null}
    </>
  );
}

function SlotPreview({ questionId }: { questionId: string }) {
  const { t } = useTranslation();
  const { state, reload } = useApiData(questionId, (signal) => getQuestion(questionId, signal));
  if (state.status === 'loading') return <Skeleton lines={3} label={t('quizzes.slots.previewLoading')} />;
  if (state.status === 'failed') {
    return (
      <ProblemAlert
        problem={state.problem}
        title={t('quizzes.slots.previewFailed')}
        onRetry={reload}
        headingLevel={3}
      />
    );
  }
  return <QuestionPreview question={state.data.question} headingLevel={4} />;
}
