import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '@archipelago/ui';
import { mayAdministerCertificates } from './certificateAccess';

/** The course page's way to its certificate pages; the issued ones only for certificate administrators. */
export function CertificatesLinks({ courseId, institutionId }: { courseId: string; institutionId: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  return (
    <section className="studio-section" aria-labelledby="course-certificates-heading">
      <h2 id="course-certificates-heading">{t('certificates.course.heading')}</h2>
      <p>{t('certificates.course.intro')}</p>
      <ul>
        <li>
          <Link to={`/courses/${courseId}/certificate`}>{t('certificates.course.templateLink')}</Link>
        </li>
        {mayAdministerCertificates(me, institutionId) ? (
          <li>
            <Link to={`/courses/${courseId}/certificates`}>{t('certificates.course.issuedLink')}</Link>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
