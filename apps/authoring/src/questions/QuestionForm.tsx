import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorSummary, FormField } from '@archipelago/ui';
import { ProblemAlert } from '../components/ProblemAlert';
import type { Submit } from '../data/useSubmit';
import { FieldErrorsContext, fieldId } from './form/fieldErrors';
import { NumberField, TextField } from './form/inputs';
import { TypeFields } from './form/TypeFields';
import { blankQuestion } from './questionDefaults';
import { isQuestionType, QUESTION_TYPES, type Question, type RichText } from './questionModel';
import type { QuestionFields } from './questions-api';
import { QuestionPreview } from './QuestionPreview';
import { RichTextField } from './RichTextField';
import { isEmptyDoc } from './richText';

export interface QuestionFormValue {
  name: string;
  category: string;
  tags: string;
  question: Question;
}

export interface QuestionFormProps {
  initial: QuestionFormValue;
  /** Category names for suggestions. */
  categories: string[];
  submit: Submit;
  saveLabel: string;
  onSave: (fields: QuestionFields) => void;
}

/** Splits "a, b ,c" into tags, dropping empties and repeats. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((tag) => tag.trim())
        .filter((tag) => tag !== ''),
    ),
  ];
}

/**
 * Everything about one question: type, name, category, tags, points, prompt, the type's own fields
 * and general feedback, with a preview as learners see it. The API checks the question; its 422
 * names paths ("question.options.1.text") that map onto the fields here.
 */
export function QuestionForm({ initial, categories, submit, saveLabel, onSave }: QuestionFormProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial);
  // Bumped when the type changes: rich-text fields start again from the kept prompt and feedback.
  const [typeGeneration, setTypeGeneration] = useState(0);
  const [preview, setPreview] = useState(false);
  const { question } = value;
  const setQuestion = useCallback(
    (next: Question) => setValue((current) => ({ ...current, question: next })),
    [],
  );
  const setPrompt = useCallback(
    (prompt: RichText) => setValue((current) => ({ ...current, question: { ...current.question, prompt } })),
    [],
  );
  const setFeedback = useCallback(
    (generalFeedback: RichText) =>
      setValue((current) => ({
        ...current,
        question: {
          ...current.question,
          generalFeedback: isEmptyDoc(generalFeedback) ? null : generalFeedback,
        },
      })),
    [],
  );

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = value.name.trim();
    onSave({
      category: value.category.trim(),
      tags: parseTags(value.tags),
      ...(name ? { name } : {}),
      question: value.question,
    });
  };

  const problem = submit.problem;
  const errors = (problem?.errors ?? []).map((error) => ({
    fieldId: fieldId(error.field),
    message: t('questions.form.fieldError', { field: error.field, message: error.message }),
  }));

  return (
    <FieldErrorsContext value={problem}>
      <form className="studio-form question-form" noValidate onSubmit={save}>
        {errors.length > 0 ? (
          <ErrorSummary key={submit.failures} errors={errors} title={t('questions.form.refused')} />
        ) : problem ? (
          <ProblemAlert
            key={submit.failures}
            problem={problem}
            title={t('questions.form.failed')}
            headingLevel={2}
          />
        ) : null}
        <FormField label={t('questions.form.type')} id={fieldId('question.type')}>
          <select
            className="arch-input"
            value={question.type}
            onChange={(event) => {
              const type = event.target.value;
              if (!isQuestionType(type)) return;
              setQuestion(blankQuestion(type, question));
              setTypeGeneration((count) => count + 1);
            }}
          >
            {QUESTION_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`questions.types.${type}`)}
              </option>
            ))}
          </select>
        </FormField>
        <TextField
          label={t('questions.form.name')}
          hint={t('questions.form.nameHint')}
          path="name"
          value={value.name}
          onChange={(name) => setValue({ ...value, name })}
        />
        <FormField
          label={t('questions.form.category')}
          id={fieldId('category')}
          hint={t('questions.form.categoryHint')}
        >
          <input
            className="arch-input"
            list="question-categories"
            value={value.category}
            onChange={(event) => setValue({ ...value, category: event.target.value })}
          />
        </FormField>
        <datalist id="question-categories">
          {categories.map((category) => (
            <option key={category} value={category} />
          ))}
        </datalist>
        <TextField
          label={t('questions.form.tags')}
          hint={t('questions.form.tagsHint')}
          path="tags"
          value={value.tags}
          onChange={(tags) => setValue({ ...value, tags })}
        />
        <NumberField
          label={t('questions.form.points')}
          path="question.points"
          min={0}
          value={question.points}
          onChange={(points) => setQuestion({ ...question, points: points ?? 0 })}
        />
        <RichTextField
          key={`prompt:${typeGeneration}`}
          id={fieldId('question.prompt')}
          label={t('questions.form.prompt')}
          initial={question.prompt}
          onChange={setPrompt}
        />
        <div key={`fields:${typeGeneration}`}>
          <TypeFields question={question} onChange={setQuestion} />
        </div>
        <RichTextField
          key={`feedback:${typeGeneration}`}
          id={fieldId('question.generalFeedback')}
          label={t('questions.form.generalFeedback')}
          hint={t('questions.form.generalFeedbackHint')}
          initial={question.generalFeedback}
          onChange={setFeedback}
        />
        <div className="arch-actions">
          <Button type="submit" disabled={submit.busy}>
            {saveLabel}
          </Button>
          <Button variant="secondary" aria-pressed={preview} onClick={() => setPreview(!preview)}>
            {t('questions.preview.toggle')}
          </Button>
        </div>
      </form>
      {preview ? <QuestionPreview question={question} headingLevel={2} /> : null}
    </FieldErrorsContext>
  );
}
