import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FormField, Page, buttonClassName, useFormatters, useSession } from '@archipelago/ui';
import { useApiData } from '../../data/useApiData';
import { FilterForm } from '../../components/FilterForm';
import { pageFromParams } from '../../components/Pagination';
import { PagedTable } from '../../components/PagedTable';
import { isPlatformAdmin } from '../../session/access';
import { useInstitutionChoices } from '../../users/useInstitutionChoices';
import { dayText } from '../../cohorts/cohortDates';
import { listAssessments } from './assessments-api';
import { ASSESSMENT_STATUSES, type AssessmentStatus, type AssessmentSummary } from './assessmentTypes';
import './dgca.css';

const PAGE_SIZE = 20;
const isStatus = (value: string | null): value is AssessmentStatus =>
  ASSESSMENT_STATUSES.includes(value as AssessmentStatus);

/** /assessments — the capability self-assessments this person runs, with search and filters. */
export default function AssessmentsPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { me } = useSession();
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const statusParam = params.get('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const institutionId = params.get('institutionId') ?? '';
  const page = pageFromParams(params);
  const admin = me ? isPlatformAdmin(me) : false;
  const institutions = useInstitutionChoices(me!);
  const showInstitution = admin || institutions.length > 1;

  const { state, reload } = useApiData(params.toString(), (signal) =>
    listAssessments(
      { q: q || undefined, status, institutionId: institutionId || undefined, page, pageSize: PAGE_SIZE },
      signal,
    ),
  );

  const columns = [
    {
      key: 'title',
      header: t('dgca:list.columns.title'),
      render: (a: AssessmentSummary) => <Link to={`/assessments/${a.id}`}>{a.title}</Link>,
    },
    ...(showInstitution
      ? [
          {
            key: 'institution',
            header: t('dgca:list.columns.institution'),
            render: (a: AssessmentSummary) => a.institution.name,
          },
        ]
      : []),
    {
      key: 'subject',
      header: t('dgca:list.columns.subject'),
      render: (a: AssessmentSummary) =>
        t(`dgca:subject.${a.subject}`, {
          country: format.region(a.country),
          institution: a.institution.name,
        }),
    },
    {
      key: 'status',
      header: t('dgca:list.columns.status'),
      render: (a: AssessmentSummary) => t(`dgca:status.${a.status}`),
    },
    {
      key: 'due',
      header: t('dgca:list.columns.due'),
      render: (a: AssessmentSummary) =>
        a.individualDueOn ? dayText(format, a.individualDueOn) : t('dgca:noDate'),
    },
    {
      key: 'participants',
      header: t('dgca:list.columns.participants'),
      render: (a: AssessmentSummary) =>
        t('dgca:list.answeredAll', {
          answered: format.number(a.answeredAll),
          participants: format.number(a.participants),
        }),
    },
    {
      key: 'framework',
      header: t('dgca:list.columns.framework'),
      render: (a: AssessmentSummary) =>
        t('dgca:frameworkVersion', { name: a.framework.name, number: a.framework.number }),
    },
  ];

  return (
    <Page title={t('dgca:list.title')}>
      <p>{t('dgca:list.intro')}</p>
      <p>
        <Link className={buttonClassName()} to="/assessments/new">
          {t('dgca:list.new')}
        </Link>
      </p>
      <nav aria-label={t('dgca:list.linksLabel')}>
        <ul className="dgca-links">
          {admin ? (
            <li>
              <Link to="/assessments/frameworks">{t('dgca:list.frameworksLink')}</Link>
            </li>
          ) : null}
          <li>
            <Link to="/assessments/regional">{t('dgca:list.regionalLink')}</Link>
          </li>
        </ul>
      </nav>
      <FilterForm label={t('dgca:list.filtersLabel')} names={['q', 'status', 'institutionId']}>
        <FormField label={t('dgca:list.filters.q')}>
          <input className="arch-input" name="q" type="search" spellCheck={false} defaultValue={q} />
        </FormField>
        <FormField label={t('dgca:list.filters.status')}>
          <select className="arch-input" name="status" defaultValue={status ?? ''}>
            <option value="">{t('dgca:list.filters.anyStatus')}</option>
            {ASSESSMENT_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`dgca:status.${value}`)}
              </option>
            ))}
          </select>
        </FormField>
        {showInstitution && institutions.length > 0 ? (
          <FormField label={t('dgca:list.filters.institution')}>
            <select className="arch-input" name="institutionId" defaultValue={institutionId}>
              <option value="">{t('dgca:list.filters.anyInstitution')}</option>
              {institutions.map((institution) => (
                <option key={institution.id} value={institution.id}>
                  {institution.name}
                </option>
              ))}
            </select>
          </FormField>
        ) : null}
      </FilterForm>
      <PagedTable<AssessmentSummary>
        state={state}
        reload={reload}
        loadingLines={8}
        loadingLabel={t('dgca:list.loading')}
        loadFailedTitle={t('dgca:list.loadFailed')}
        empty={q || status || institutionId ? t('dgca:list.noneFound') : t('dgca:list.none')}
        caption={t('dgca:list.caption')}
        rowKey={(a) => a.id}
        paginationLabel={t('dgca:list.pagination')}
        columns={columns}
      />
    </Page>
  );
}
