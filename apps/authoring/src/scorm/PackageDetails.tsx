import { useTranslation } from 'react-i18next';
import { PackageProblemList } from './PackageProblemList';
import { ReplacementReport } from './ReplacementReport';
import type { ScormPackageView } from './scormTypes';
import { countLaunchable, ScoTree } from './ScoTree';
import { useScormFormat } from './useScormFormat';

/** The activity's current package: its facts, its SCO tree, the check's warnings, what a replacement changed. */
export function PackageDetails({ pkg }: { pkg: ScormPackageView }) {
  const { t } = useTranslation();
  const show = useScormFormat();
  const { scos, assets } = countLaunchable(pkg.items);
  return (
    <>
      <dl className="arch-facts">
        <dt>{t('scorm.details.title')}</dt>
        <dd>{pkg.title}</dd>
        <dt>{t('scorm.details.version')}</dt>
        <dd>{show.version(pkg.scormVersion)}</dd>
        <dt>{t('scorm.details.file')}</dt>
        <dd>{pkg.originalName}</dd>
        <dt>{t('scorm.details.contents')}</dt>
        <dd>{t('scorm.details.contentsValue', { scos, assets })}</dd>
        <dt>{t('scorm.details.files')}</dt>
        <dd>{show.number(pkg.fileCount)}</dd>
        <dt>{t('scorm.details.size')}</dt>
        <dd>
          {t('scorm.details.sizeValue', {
            zip: show.bytes(pkg.zipBytes),
            unpacked: show.bytes(pkg.unpackedBytes),
          })}
        </dd>
        <dt>{t('scorm.details.uploaded')}</dt>
        <dd>
          {pkg.uploadedBy
            ? t('scorm.details.uploadedBy', { date: show.date(pkg.uploadedAt), name: pkg.uploadedBy.name })
            : show.date(pkg.uploadedAt)}
        </dd>
      </dl>
      {pkg.replacement ? <ReplacementReport replacement={pkg.replacement} items={pkg.items} /> : null}
      <section className="studio-section" aria-labelledby="scorm-tree-heading">
        <h3 id="scorm-tree-heading">{t('scorm.tree.title')}</h3>
        <p>{t('scorm.tree.intro')}</p>
        <ScoTree items={pkg.items} />
      </section>
      <section className="studio-section" aria-labelledby="scorm-warnings-heading">
        <h3 id="scorm-warnings-heading">{t('scorm.details.warningsTitle')}</h3>
        {pkg.warnings.length > 0 ? (
          <>
            <p>{t('scorm.details.warningsIntro')}</p>
            <PackageProblemList problems={pkg.warnings} />
          </>
        ) : (
          <p>{t('scorm.details.noWarnings')}</p>
        )}
      </section>
    </>
  );
}
