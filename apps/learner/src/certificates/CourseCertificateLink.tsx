import { useId } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '@archipelago/ui';
import { useNamespace } from '../locales/namespaces';
import { useResource } from '../learning/useResource';
import { certificatePaths, fetchMyCertificates } from './certificates-api';

/** On a completed course's home: where its certificate is, once there is one (or that it awaits approval). */
export function CourseCertificateLink({
  courseSlug,
  headingLevel = 2,
}: {
  courseSlug: string;
  /** 3 inside a section that has its own h2 (the course page's enrolment panel). */
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const { me } = useSession();
  const headingId = useId();
  const { state } = useResource(`certificates|${me?.user.id ?? ''}`, fetchMyCertificates);
  const certificate =
    state.status === 'ready'
      ? state.data.find((item) => item.courseSlug === courseSlug && item.state !== 'declined')
      : undefined;
  const ready = useNamespace('certificates', certificate !== undefined);
  if (!certificate || !ready) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={headingId}>
      <Heading id={headingId}>{t('certificates:courseLink.title')}</Heading>
      {certificate.state === 'pending' ? (
        <p>{t('certificates:courseLink.pending')}</p>
      ) : certificate.code ? (
        <p>
          <Link to={certificatePaths.verify(certificate.code)}>{t('certificates:courseLink.view')}</Link>
        </p>
      ) : null}
      <p>
        <Link to={certificatePaths.mine}>{t('certificates:courseLink.all')}</Link>
      </p>
    </section>
  );
}
