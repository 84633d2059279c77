import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Question } from './questionModel';
import { RichTextView } from './RichTextView';

const collator = new Intl.Collator(undefined, { numeric: true });

/**
 * A question as learners see it in an attempt: prompt, then the controls for its type, without
 * marks or feedback. The controls work, so the trainer can try them; nothing is sent anywhere.
 */
export function QuestionPreview({
  question,
  headingLevel = 3,
}: {
  question: Question;
  headingLevel?: 2 | 3 | 4;
}) {
  const { t } = useTranslation();
  const id = useId();
  const Heading = `h${headingLevel}` as 'h2' | 'h3' | 'h4';
  return (
    <section className="question-preview" aria-labelledby={`${id}-heading`}>
      <Heading id={`${id}-heading`}>{t('questions.preview.heading')}</Heading>
      {/* A group named by the prompt, like a fieldset, but the prompt may hold paragraphs and lists. */}
      <div role="group" className="question-preview__question" aria-labelledby={`${id}-prompt`}>
        <div className="question-preview__prompt" id={`${id}-prompt`}>
          <RichTextView doc={question.prompt} />
        </div>
        <p className="studio-muted">{t('questions.preview.points', { points: question.points })}</p>
        <Controls question={question} name={id} />
      </div>
    </section>
  );
}

function Controls({ question, name }: { question: Question; name: string }) {
  const { t } = useTranslation();
  switch (question.type) {
    case 'single-choice':
    case 'multiple-response':
      return (
        <ul className="studio-plain-list">
          {question.options.map((option) => (
            <li key={option.id}>
              <label className="question-preview__choice">
                <input type={question.type === 'single-choice' ? 'radio' : 'checkbox'} name={name} />{' '}
                <RichTextView doc={option.text} inline />
              </label>
            </li>
          ))}
        </ul>
      );
    case 'true-false':
      return (
        <ul className="studio-plain-list">
          {[true, false].map((value) => (
            <li key={String(value)}>
              <label className="question-preview__choice">
                <input type="radio" name={name} /> {t(value ? 'questions.form.true' : 'questions.form.false')}
              </label>
            </li>
          ))}
        </ul>
      );
    case 'short-answer':
      return (
        <label className="arch-field">
          <span className="arch-field__label">{t('questions.preview.answer')}</span>
          <input className="arch-input" />
        </label>
      );
    case 'numeric':
      return (
        <div className="studio-inline-form">
          <label className="arch-field">
            <span className="arch-field__label">{t('questions.preview.answer')}</span>
            <input className="arch-input" inputMode="decimal" />
          </label>
          {question.units.length > 0 ? (
            <label className="arch-field">
              <span className="arch-field__label">{t('questions.preview.unit')}</span>
              <select className="arch-input">
                {question.units.map((unit) => (
                  <option key={unit.unit}>{unit.unit}</option>
                ))}
              </select>
            </label>
          ) : null}
        </div>
      );
    case 'matching': {
      const answers = [
        ...new Set([...question.pairs.map((pair) => pair.answer), ...question.distractors]),
      ].sort(collator.compare);
      return (
        <ol className="studio-plain-list">
          {question.pairs.map((pair) => (
            <li key={pair.id}>
              <label className="arch-field">
                <span className="arch-field__label">
                  <RichTextView doc={pair.prompt} inline />
                </span>
                <select className="arch-input" defaultValue="">
                  <option value="">{t('questions.preview.choose')}</option>
                  {answers.map((answer) => (
                    <option key={answer}>{answer}</option>
                  ))}
                </select>
              </label>
            </li>
          ))}
        </ol>
      );
    }
    case 'ordering':
      return (
        <>
          <p className="arch-field__hint">{t('questions.preview.orderingShuffled')}</p>
          <ol>
            {question.items.map((item) => (
              <li key={item.id}>
                <RichTextView doc={item.text} inline />
              </li>
            ))}
          </ol>
        </>
      );
    case 'essay':
      return (
        <label className="arch-field">
          <span className="arch-field__label">
            {question.minWords
              ? t('questions.preview.essayMinWords', { words: question.minWords })
              : t('questions.preview.answer')}
          </span>
          <textarea className="arch-input" rows={5} />
        </label>
      );
  }
}
