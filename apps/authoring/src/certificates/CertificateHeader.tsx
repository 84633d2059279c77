import { Link, NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '@archipelago/ui';
import { mayAdministerCertificates } from './certificateAccess';
import '../components/page-nav.css';

export interface CertificateHeaderProps {
  courseId: string;
  courseTitle?: string;
  institutionId?: string;
  /** The page's own entry at the end of the breadcrumb. */
  current: string;
}

/**
 * Breadcrumb back to the course, and the certificate sections: the template (authors) and the
 * issued certificates (administrators only, so trainers are not shown a page they may not use).
 */
export function CertificateHeader({ courseId, courseTitle, institutionId, current }: CertificateHeaderProps) {
  const { t } = useTranslation();
  const { me } = useSession();
  const base = `/courses/${courseId}`;
  const admin = institutionId !== undefined && mayAdministerCertificates(me, institutionId);
  return (
    <>
      <nav aria-label={t('common.breadcrumb')} className="studio-breadcrumb">
        <ol>
          <li>
            <Link to="/courses">{t('lessonEditor.courses')}</Link>
          </li>
          <li>
            <Link to={base}>{courseTitle ?? t('common.course')}</Link>
          </li>
          <li aria-current="page">{current}</li>
        </ol>
      </nav>
      <nav aria-label={t('certificates.sections')} className="studio-section-links">
        <ul>
          <li>
            <NavLink to={`${base}/certificate`} end>
              {t('certificates.sectionTemplate')}
            </NavLink>
          </li>
          {admin ? (
            <li>
              <NavLink to={`${base}/certificates`} end>
                {t('certificates.sectionIssued')}
              </NavLink>
            </li>
          ) : null}
        </ul>
      </nav>
    </>
  );
}
