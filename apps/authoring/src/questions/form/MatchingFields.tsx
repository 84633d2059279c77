import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@archipelago/ui';
import type { MatchingPair, MatchingQuestion } from '../questionModel';
import { newId } from '../questionDefaults';
import { textToDoc } from '../richText';
import { fieldId } from './fieldErrors';
import { DocTextField, TextField } from './inputs';
import { focusIdLater, moved, replaced, RowControls, without } from './RowControls';

/** Prompts with the answer each matches, and extra answers that match none. */
export function MatchingFields({
  question,
  onChange,
}: {
  question: MatchingQuestion;
  onChange: (question: MatchingQuestion) => void;
}) {
  const { t } = useTranslation();
  const pairs = question.pairs;
  const [distractors, setDistractors] = useState(question.distractors.join('\n'));
  const setPair = (index: number, pair: MatchingPair) =>
    onChange({ ...question, pairs: replaced(pairs, index, pair) });
  return (
    <>
      <fieldset className="studio-fieldset question-list">
        <legend>{t('questions.form.pairs')}</legend>
        <ol>
          {pairs.map((pair, index) => {
            const path = `question.pairs.${index}`;
            return (
              <li key={pair.id} className="question-list__row">
                <DocTextField
                  label={t('questions.form.pairPrompt', { number: index + 1 })}
                  path={`${path}.prompt`}
                  initial={pair.prompt}
                  onChange={(prompt) => setPair(index, { ...pair, prompt: prompt! })}
                />
                <TextField
                  label={t('questions.form.pairAnswer', { number: index + 1 })}
                  path={`${path}.answer`}
                  value={pair.answer}
                  onChange={(answer) => setPair(index, { ...pair, answer })}
                />
                <RowControls
                  name={t('questions.form.pairName', { number: index + 1 })}
                  rowKey={`pair:${pair.id}`}
                  index={index}
                  count={pairs.length}
                  minimum={2}
                  onMove={(from, to) => onChange({ ...question, pairs: moved(pairs, from, to) })}
                  onRemove={() => {
                    onChange({ ...question, pairs: without(pairs, index) });
                    focusIdLater('pairs-add');
                  }}
                />
              </li>
            );
          })}
        </ol>
        <Button
          variant="secondary"
          id="pairs-add"
          onClick={() => {
            onChange({ ...question, pairs: [...pairs, { id: newId(), prompt: textToDoc(''), answer: '' }] });
            focusIdLater(fieldId(`question.pairs.${pairs.length}.prompt`));
          }}
        >
          {t('questions.form.addPair')}
        </Button>
      </fieldset>
      <TextField
        label={t('questions.form.distractors')}
        hint={t('questions.form.distractorsHint')}
        path="question.distractors"
        multiline
        value={distractors}
        onChange={(text) => {
          setDistractors(text);
          const lines = text
            .split('\n')
            .map((line) => line.trim())
            .filter((line) => line !== '');
          onChange({ ...question, distractors: lines });
        }}
      />
    </>
  );
}
