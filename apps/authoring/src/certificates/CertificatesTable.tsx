import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FormField, TextLink } from '@archipelago/ui';
import { FilterForm } from '../components/FilterForm';
import { PagedTable } from '../components/PagedTable';
import { pageFromParams } from '../components/Pagination';
import { useApiData } from '../data/useApiData';
import { CertificateRowActions, LIST_HEADING_ID } from './CertificateRowActions';
import { listCertificates } from './certificates-api';
import {
  CERTIFICATE_STATES,
  CERTIFICATE_STATUSES,
  displayCode,
  type CertificateAdminView,
} from './certificateTypes';
import { useCertificateWords } from './useCertificateWords';

const PAGE_SIZE = 20;

export interface CertificatesTableProps {
  courseId: string;
  /** Bumped by the page when something elsewhere (an issue, a batch) changed the list. */
  refresh: number;
}

/** The course's certificates, filtered in the URL, with each one's links and actions. */
export function CertificatesTable({ courseId, refresh }: CertificatesTableProps) {
  const { t } = useTranslation();
  const words = useCertificateWords();
  const [params] = useSearchParams();
  const page = pageFromParams(params);
  // Anything else in the address (an old bookmark, a typo) is no filter rather than a 400.
  const state = CERTIFICATE_STATES.find((value) => value === params.get('state')) ?? '';
  const status = CERTIFICATE_STATUSES.find((value) => value === params.get('status')) ?? '';
  const q = params.get('q') ?? '';
  const list = useApiData(`${courseId}|${state}|${status}|${q}|${page}`, (signal) =>
    listCertificates(
      courseId,
      {
        ...(state ? { state } : {}),
        ...(status ? { status } : {}),
        ...(q ? { q } : {}),
        page,
        pageSize: PAGE_SIZE,
      },
      signal,
    ),
  );

  const reload = list.reload;
  // Read again in place (no skeleton) when an issue or a batch elsewhere on the page changed it.
  useEffect(() => {
    if (refresh > 0) reload();
  }, [refresh, reload]);

  return (
    <section className="studio-section" aria-labelledby={LIST_HEADING_ID}>
      <h2 id={LIST_HEADING_ID} tabIndex={-1}>
        {t('certificates.list.heading')}
      </h2>
      <FilterForm label={t('certificates.list.filterLabel')} names={['state', 'status', 'q']}>
        <FormField label={t('certificates.list.state')}>
          <select className="arch-input" name="state" defaultValue={state}>
            <option value="">{t('certificates.list.anyState')}</option>
            {CERTIFICATE_STATES.map((value) => (
              <option key={value} value={value}>
                {t(`certificates.states.${value}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label={t('certificates.list.status')}>
          <select className="arch-input" name="status" defaultValue={status}>
            <option value="">{t('certificates.list.anyStatus')}</option>
            {CERTIFICATE_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`certificates.statuses.${value}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label={t('certificates.list.search')} hint={t('certificates.list.searchHint')}>
          <input className="arch-input" type="search" name="q" defaultValue={q} autoComplete="off" />
        </FormField>
      </FilterForm>
      <PagedTable<CertificateAdminView>
        state={list.state}
        reload={list.reload}
        loadingLines={6}
        loadingLabel={t('certificates.list.loading')}
        loadFailedTitle={t('certificates.list.loadFailed')}
        headingLevel={3}
        empty={t(state || status || q ? 'certificates.list.noneFound' : 'certificates.list.empty')}
        caption={t('certificates.list.caption')}
        rowKey={(row) => row.id}
        paginationLabel={t('certificates.list.pagination')}
        columns={[
          {
            key: 'learner',
            header: t('certificates.list.learner'),
            render: (row) => (
              <>
                {row.learnerName}
                <br />
                <span className="studio-muted">{row.learnerEmail}</span>
              </>
            ),
          },
          {
            key: 'standing',
            header: t('certificates.list.standing'),
            render: (row) => (
              <>
                {words.standing(row)}
                {row.status === 'revoked' && row.revocationReason ? (
                  <>
                    <br />
                    <span className="studio-muted">
                      {t(
                        row.revocationReasonPublic
                          ? 'certificates.list.reasonPublic'
                          : 'certificates.list.reasonPrivate',
                        { reason: row.revocationReason },
                      )}
                    </span>
                  </>
                ) : null}
                {row.code ? (
                  <>
                    <br />
                    <span className="studio-muted">
                      {t('certificates.list.code', { code: displayCode(row.code) })}
                    </span>
                  </>
                ) : null}
              </>
            ),
          },
          {
            key: 'issued',
            header: t('certificates.list.issued'),
            render: (row) => (
              <>
                {row.issuedAt ? words.date(row.issuedAt) : t('certificates.list.notIssued')}
                <br />
                <span className="studio-muted">
                  {t('certificates.list.sourceAndVersion', {
                    source: words.source(row),
                    version: row.templateVersion,
                  })}
                </span>
              </>
            ),
          },
          {
            key: 'links',
            header: t('certificates.list.links'),
            render: (row) =>
              row.pdfUrl || row.verificationUrl ? (
                <ul className="studio-plain-list">
                  {row.pdfUrl ? (
                    <li>
                      <TextLink
                        href={row.pdfUrl}
                        aria-label={t('certificates.list.pdfFor', { name: row.learnerName })}
                      >
                        {t('certificates.list.pdf')}
                      </TextLink>
                    </li>
                  ) : null}
                  {row.verificationUrl ? (
                    <li>
                      <TextLink
                        href={row.verificationUrl}
                        aria-label={t('certificates.list.verifyFor', { name: row.learnerName })}
                      >
                        {t('certificates.list.verify')}
                      </TextLink>
                    </li>
                  ) : null}
                </ul>
              ) : (
                t('certificates.list.noLinks')
              ),
          },
          {
            key: 'actions',
            header: t('certificates.list.actions'),
            render: (row) => <CertificateRowActions certificate={row} onChanged={list.reload} />,
          },
        ]}
      />
    </section>
  );
}
