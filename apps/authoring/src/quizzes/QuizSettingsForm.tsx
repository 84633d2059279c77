import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '@archipelago/ui';
import { NumberField } from '../questions/form/inputs';
import { COMPLETION_RULES, FEEDBACK_TIMINGS, GRADE_METHODS, LAYOUTS, type QuizSettings } from './quizTypes';

/** "2026-12-01T09:30" in the browser's time zone, for a datetime-local field. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  const offset = date.getTimezoneOffset() * 60_000;
  return new Date(date.getTime() - offset).toISOString().slice(0, 16);
}

/** The ISO instant a datetime-local value means in the browser's time zone, or null when empty. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export interface QuizSettingsFormProps {
  settings: QuizSettings;
  onChange: (settings: QuizSettings) => void;
}

/** How learners take the quiz: attempts, time, pass mark, order, feedback, grading, completion. */
export function QuizSettingsForm({ settings, onChange }: QuizSettingsFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const set = <K extends keyof QuizSettings>(key: K, value: QuizSettings[K]) =>
    onChange({ ...settings, [key]: value });

  const choice = <K extends keyof QuizSettings>(key: K, values: readonly string[]) => (
    <fieldset className="studio-fieldset quiz-choice">
      <legend>{t(`quizzes.settings.${key}.label`)}</legend>
      {values.map((value) => {
        const inputId = `${id}-${key}-${value}`;
        return (
          <div className="studio-checkbox" key={value}>
            <input
              type="radio"
              id={inputId}
              name={`${id}-${key}`}
              checked={settings[key] === value}
              onChange={() => set(key, value as QuizSettings[K])}
            />
            <label htmlFor={inputId}>{t(`quizzes.settings.${key}.${value}`)}</label>
          </div>
        );
      })}
    </fieldset>
  );

  const check = (key: 'shuffleQuestions' | 'shuffleOptions' | 'showCorrectAnswers') => (
    <div className="studio-checkbox">
      <input
        type="checkbox"
        id={`${id}-${key}`}
        checked={settings[key]}
        aria-describedby={`${id}-${key}-hint`}
        onChange={(event) => set(key, event.target.checked)}
      />
      <label htmlFor={`${id}-${key}`}>{t(`quizzes.settings.${key}.label`)}</label>
      <p className="arch-field__hint" id={`${id}-${key}-hint`}>
        {t(`quizzes.settings.${key}.hint`)}
      </p>
    </div>
  );

  // Either end of the window in which learners may start (empty: open-ended), in local time.
  const dateTime = (key: 'availableFrom' | 'availableUntil') => (
    <FormField
      label={t(`quizzes.settings.${key}.label`)}
      hint={t(`quizzes.settings.${key}.hint`)}
      id={`${id}-${key}`}
    >
      <input
        className="arch-input"
        type="datetime-local"
        value={toLocalInput(settings[key])}
        onChange={(event) => set(key, fromLocalInput(event.target.value))}
      />
    </FormField>
  );

  return (
    <section className="studio-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('quizzes.settings.heading')}</h2>
      <div className="quiz-settings">
        <NumberField
          label={t('quizzes.settings.attemptsAllowed.label')}
          hint={t('quizzes.settings.attemptsAllowed.hint')}
          path="settings.attemptsAllowed"
          min={1}
          step={1}
          value={settings.attemptsAllowed}
          onChange={(value) => set('attemptsAllowed', value === null || value < 1 ? null : Math.round(value))}
        />
        <NumberField
          label={t('quizzes.settings.timeLimitMinutes.label')}
          hint={t('quizzes.settings.timeLimitMinutes.hint')}
          path="settings.timeLimitMinutes"
          min={1}
          step={1}
          value={settings.timeLimitMinutes}
          onChange={(value) =>
            set('timeLimitMinutes', value === null || value <= 0 ? null : Math.round(value))
          }
        />
        <NumberField
          label={t('quizzes.settings.passingScore.label')}
          hint={t('quizzes.settings.passingScore.hint')}
          path="settings.passingScore"
          min={0}
          max={100}
          step={1}
          value={settings.passingScore}
          onChange={(value) => set('passingScore', Math.min(100, Math.max(0, value ?? 0)))}
        />
        {dateTime('availableFrom')}
        {dateTime('availableUntil')}
      </div>
      {check('shuffleQuestions')}
      {check('shuffleOptions')}
      {choice('layout', LAYOUTS)}
      {choice('feedback', FEEDBACK_TIMINGS)}
      {check('showCorrectAnswers')}
      {choice('grade', GRADE_METHODS)}
      {choice('completion', COMPLETION_RULES)}
    </section>
  );
}
