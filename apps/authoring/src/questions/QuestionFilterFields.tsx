import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '@archipelago/ui';
import { isQuestionType, QUESTION_TYPES } from './questionModel';
import type { QuestionCategory, QuestionFilters } from './questions-api';

/**
 * Search, category, tag and type: the bank page keeps them in the URL (FilterForm), the quiz
 * editor's "add questions" dialog in its own state. Uncontrolled, named as the API's query.
 */
export function QuestionFilterFields({
  values,
  categories,
}: {
  values: QuestionFilters;
  categories: QuestionCategory[];
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <FormField label={t('questions.filters.q')} id={`${id}-q`}>
        <input className="arch-input" type="search" name="q" defaultValue={values.q ?? ''} />
      </FormField>
      <FormField label={t('questions.filters.category')} id={`${id}-category`}>
        <select className="arch-input" name="category" defaultValue={values.category ?? ''}>
          <option value="">{t('questions.filters.anyCategory')}</option>
          {categories.map((category) => (
            <option key={category.name} value={category.name}>
              {t('questions.filters.categoryOption', { name: category.name, questions: category.count })}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label={t('questions.filters.tag')} id={`${id}-tag`}>
        <input className="arch-input" name="tag" defaultValue={values.tag ?? ''} />
      </FormField>
      <FormField label={t('questions.filters.type')} id={`${id}-type`}>
        <select className="arch-input" name="type" defaultValue={values.type ?? ''}>
          <option value="">{t('questions.filters.anyType')}</option>
          {QUESTION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`questions.types.${type}`)}
            </option>
          ))}
        </select>
      </FormField>
    </>
  );
}

/** Filters from a URL or a submitted form; an unknown type is left out rather than sent. */
export function readFilters(
  get: (name: string) => string | null,
  page: number,
  pageSize: number,
): QuestionFilters {
  const filters: QuestionFilters = { page, pageSize };
  for (const name of ['q', 'category', 'tag'] as const) {
    const value = get(name)?.trim();
    if (value) filters[name] = value;
  }
  const type = get('type');
  if (type && isQuestionType(type)) filters.type = type;
  return filters;
}
