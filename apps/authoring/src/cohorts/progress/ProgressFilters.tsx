import { useTranslation } from 'react-i18next';
import { FormField } from '@archipelago/ui';
import { FilterForm } from '../../components/FilterForm';
import { SORT_CHOICES, type SortChoice } from './progressTypes';

export interface ProgressFiltersProps {
  q: string;
  sort: SortChoice;
}

/** "-progress" → "progressDesc": the choice's key among the strings. */
const sortWord = (choice: SortChoice) => (choice.startsWith('-') ? `${choice.slice(1)}Desc` : `${choice}Asc`);

/** Search by name or e-mail and the order of the table; the status filter is the summary's. */
export function ProgressFilters({ q, sort }: ProgressFiltersProps) {
  const { t } = useTranslation();
  return (
    <FilterForm label={t('cohortProgress:filters.label')} names={['q', 'sort']}>
      <FormField label={t('cohortProgress:filters.search')} hint={t('cohortProgress:filters.searchHint')}>
        <input className="arch-input" type="search" name="q" defaultValue={q} autoComplete="off" />
      </FormField>
      <FormField label={t('cohortProgress:filters.sort')}>
        <select className="arch-input" name="sort" defaultValue={sort}>
          {SORT_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {t(`cohortProgress:sorts.${sortWord(choice)}`)}
            </option>
          ))}
        </select>
      </FormField>
    </FilterForm>
  );
}
