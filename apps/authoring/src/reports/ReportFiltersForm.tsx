import { useTranslation } from 'react-i18next';
import { FormField, useFormatters, useSession } from '@archipelago/ui';
import { FilterForm } from '../components/FilterForm';
import { useApiData } from '../data/useApiData';
import { isPlatformAdmin } from '../session/access';
import { useInstitutionChoices } from '../users/useInstitutionChoices';
import { listCohorts, listCourses } from './reports-api';
import { FILTER_NAMES, type ReportFilters } from './reportTypes';
import { NOT_STATED } from './useReportWords';

// The Caribbean countries and territories the programme serves first; a report filtered to another
// country by address still works, and the breakdown by country lists every country there is.
const COUNTRIES = [
  'AG',
  'AI',
  'AW',
  'BB',
  'BS',
  'BZ',
  'CU',
  'CW',
  'DM',
  'DO',
  'GD',
  'GY',
  'HT',
  'JM',
  'KN',
  'KY',
  'LC',
  'MS',
  'PR',
  'SR',
  'SX',
  'TC',
  'TT',
  'VC',
  'VG',
];

/** The report's filters, kept in the page address so a report can be bookmarked and shared. */
export function ReportFiltersForm({ filters }: { filters: ReportFilters }) {
  const { t, i18n } = useTranslation();
  const { region } = useFormatters();
  const { me } = useSession();
  const institutions = useInstitutionChoices(me!);
  const courses = useApiData('report-courses', (signal) => listCourses(signal));
  const cohorts = useApiData('report-cohorts', (signal) => listCohorts(signal));
  const countries = (
    filters.country && filters.country !== NOT_STATED && !COUNTRIES.includes(filters.country)
      ? [...COUNTRIES, filters.country]
      : COUNTRIES
  )
    .map((code) => ({ code, name: region(code) }))
    .sort((a, b) => a.name.localeCompare(b.name, i18n.language));
  const everyone = me ? isPlatformAdmin(me) : false;

  return (
    <FilterForm label={t('reports:filters.label')} names={[...FILTER_NAMES]}>
      <FormField label={t('reports:filters.from')} hint={t('reports:filters.monthHint')}>
        <input className="arch-input" type="month" name="from" defaultValue={filters.from ?? ''} />
      </FormField>
      <FormField label={t('reports:filters.to')} hint={t('reports:filters.monthHint')}>
        <input className="arch-input" type="month" name="to" defaultValue={filters.to ?? ''} />
      </FormField>
      <FormField label={t('reports:filters.country')}>
        <select className="arch-input" name="country" defaultValue={filters.country ?? ''}>
          <option value="">{t('reports:filters.anyCountry')}</option>
          {countries.map(({ code, name }) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
          <option value={NOT_STATED}>{t('reports:filters.notStatedCountry')}</option>
        </select>
      </FormField>
      <FormField label={t('reports:filters.institution')}>
        <select
          // Remounted once the choices arrive, so the address's choice is selected among them.
          key={institutions.length}
          className="arch-input"
          name="institutionId"
          defaultValue={filters.institutionId ?? ''}
        >
          <option value="">
            {everyone ? t('reports:filters.anyInstitution') : t('reports:filters.allMyInstitutions')}
          </option>
          {institutions.map(({ id, name }) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label={t('reports:filters.cohort')}>
        <select
          key={cohorts.state.status}
          className="arch-input"
          name="cohortId"
          defaultValue={filters.cohortId ?? ''}
        >
          <option value="">{t('reports:filters.anyCohort')}</option>
          {(cohorts.state.status === 'ready' ? cohorts.state.data.items : []).map(({ id, name }) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label={t('reports:filters.course')}>
        <select
          key={courses.state.status}
          className="arch-input"
          name="courseId"
          defaultValue={filters.courseId ?? ''}
        >
          <option value="">{t('reports:filters.anyCourse')}</option>
          {(courses.state.status === 'ready' ? courses.state.data.items : []).map(({ id, title }) => (
            <option key={id} value={id}>
              {title}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label={t('reports:filters.department')} hint={t('reports:filters.departmentHint')}>
        <input
          className="arch-input"
          type="text"
          name="department"
          defaultValue={filters.department ?? ''}
          autoComplete="off"
          maxLength={200}
        />
      </FormField>
    </FilterForm>
  );
}
