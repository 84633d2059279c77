import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, FormField } from '@archipelago/ui';
import type { QuestionCategory } from '../questions/questions-api';

export interface RandomDrawFormProps {
  categories: QuestionCategory[];
  onAdd: (draw: { category: string; count: number }) => void;
}

/** Adds a slot that draws `count` different questions from a category when an attempt starts. */
export function RandomDrawForm({ categories, onAdd }: RandomDrawFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [error, setError] = useState<string | undefined>(undefined);

  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const category = String(form.get('category') ?? '');
    const count = Number(form.get('count'));
    if (!category) return;
    const holds = categories.find((entry) => entry.name === category)?.count ?? 0;
    if (!Number.isInteger(count) || count < 1) {
      setError(t('quizzes.random.countInvalid'));
      return;
    }
    if (count > holds) {
      setError(t('quizzes.random.countTooHigh', { category, questions: holds }));
      return;
    }
    setError(undefined);
    onAdd({ category, count });
  };

  if (categories.length === 0) return <p>{t('quizzes.random.noCategories')}</p>;
  return (
    <form
      className="studio-inline-form quiz-random"
      noValidate
      onSubmit={add}
      aria-labelledby={`${id}-legend`}
    >
      <p id={`${id}-legend`} className="quiz-random__title">
        {t('quizzes.random.title')}
      </p>
      <FormField label={t('quizzes.random.category')} id={`${id}-category`}>
        <select className="arch-input" name="category" defaultValue={categories[0]?.name}>
          {categories.map((category) => (
            <option key={category.name} value={category.name}>
              {t('questions.filters.categoryOption', { name: category.name, questions: category.count })}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label={t('quizzes.random.count')} id={`${id}-count`} error={error}>
        <input
          className="arch-input studio-number-input"
          name="count"
          type="number"
          min={1}
          step={1}
          defaultValue={1}
        />
      </FormField>
      <Button type="submit">{t('quizzes.random.add')}</Button>
    </form>
  );
}
