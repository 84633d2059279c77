import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, FormField, useAnnounce } from '@archipelago/ui';
import { errorFor, FormProblems } from '../../components/FormProblems';
import { useSubmit } from '../../data/useSubmit';
import { problemCode } from '../../cohorts/problemCode';
import type { ScaleLevel, StatementConsensus } from '../results/resultsTypes';
import type { ResultsWords } from '../results/useResultsWords';
import { recordConsensus } from './consensus-api';

const DONT_KNOW = 'dont-know';

/** Refusals by `code` that the form explains itself (the API words them in English). */
const REFUSED: Record<string, string> = {
  'assessment-completed': 'dgcaResults:consensus.form.refused.completed',
  'round-not-reached': 'dgcaResults:consensus.form.refused.roundNotReached',
};

export interface ConsensusFormProps {
  assessmentId: string;
  statement: StatementConsensus;
  /** The statement's number within its dimension, for the form's name ("Agreed rating for statement 2"). */
  number: number;
  scale: ScaleLevel[];
  words: ResultsWords;
  onRecorded: (statement: StatementConsensus) => void;
}

function choiceOf(statement: StatementConsensus): string {
  const consensus = statement.consensus;
  if (!consensus) return '';
  if (consensus.dontKnow) return DONT_KNOW;
  return consensus.value === null ? '' : String(consensus.value);
}

/** The group's agreed rating for one statement (a level or "Don't know") and the facilitator's notes. */
export function ConsensusForm({
  assessmentId,
  statement,
  number,
  scale,
  words,
  onRecorded,
}: ConsensusFormProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const submit = useSubmit();
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const [choice, setChoice] = useState(() => choiceOf(statement));
  const [notes, setNotes] = useState(statement.consensus?.notes ?? '');
  const [missing, setMissing] = useState(false);
  const [code, setCode] = useState<string | undefined>(undefined);
  // The round moved on (or back) while the page was open: said in the reader's words, not the API's.
  const refusedKey = code ? REFUSED[code] : undefined;
  const problem =
    submit.problem && refusedKey ? { ...submit.problem, detail: t(refusedKey) } : submit.problem;
  const firstChoice = useRef<HTMLInputElement>(null);
  const choiceErrorId = `${id}-choice-error`;
  const notesId = `${id}-notes`;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!choice) {
      setMissing(true);
      firstChoice.current?.focus();
      return;
    }
    setMissing(false);
    const body = choice === DONT_KNOW ? { dontKnow: true, notes } : { value: Number(choice), notes };
    const result = await submit.run(async () => {
      const answer = await recordConsensus(assessmentId, statement.statementId, body);
      setCode(problemCode(answer.error));
      return answer;
    });
    if (result.ok && result.data) {
      onRecorded(result.data);
      announce(t('dgcaResults:consensus.form.recorded', { number }));
    }
  };

  const choiceError = missing
    ? t('dgcaResults:consensus.form.chooseFirst')
    : errorFor(submit.problem, 'value');
  return (
    <form
      className="dgca-consensus-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('dgcaResults:consensus.form.label', { number })}
    >
      <h4>{t('dgcaResults:consensus.form.title')}</h4>
      {statement.consensus ? (
        <p className="studio-muted">
          {t('dgcaResults:consensus.form.recordedOn', { date: words.date(statement.consensus.recordedAt) })}
        </p>
      ) : null}
      <FormProblems
        problem={problem}
        failures={submit.failures}
        fieldIds={{ notes: notesId }}
        title={t('dgcaResults:consensus.form.failed')}
      />
      <fieldset className="studio-fieldset" aria-describedby={choiceError ? choiceErrorId : undefined}>
        <legend>{t('dgcaResults:consensus.form.agreed', { number })}</legend>
        {choiceError ? (
          <p className="arch-field__error" id={choiceErrorId}>
            {choiceError}
          </p>
        ) : null}
        <div className="dgca-choices">
          {[
            ...scale.map((level) => ({ value: String(level.value), level })),
            { value: DONT_KNOW, level: null },
          ].map(({ value, level }, index) => (
            <div className="studio-checkbox" key={value}>
              <input
                ref={index === 0 ? firstChoice : undefined}
                type="radio"
                id={`${id}-choice-${value}`}
                name={`${id}-choice`}
                value={value}
                checked={choice === value}
                onChange={() => setChoice(value)}
              />
              <label htmlFor={`${id}-choice-${value}`}>
                {level
                  ? t('dgcaResults:scaleLevel', { value: level.value, label: level.label })
                  : t('dgcaResults:dontKnow')}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <FormField
        id={notesId}
        label={t('dgcaResults:consensus.form.notes')}
        hint={t('dgcaResults:consensus.form.notesHint')}
        error={errorFor(submit.problem, 'notes')}
      >
        <textarea
          className="arch-input"
          rows={3}
          value={notes}
          onChange={(event) => setNotes(event.target.value)}
        />
      </FormField>
      <Button type="submit" disabled={submit.busy}>
        {submit.busy ? t('dgcaResults:consensus.form.saving') : t('dgcaResults:consensus.form.save')}
      </Button>
    </form>
  );
}
