import { useTranslation } from 'react-i18next';
import type { ScormItemView, ScormPackageView } from './scormTypes';

type Replacement = NonNullable<ScormPackageView['replacement']>;

const GROUPS = ['kept', 'dropped', 'added'] as const;

/**
 * What a replacement did to learners' data. Runtime data is kept per SCO identifier, so a SCO
 * whose identifier is in both packages keeps every learner's progress; said in plain words.
 */
export function ReplacementReport({
  replacement,
  items,
}: {
  replacement: Replacement;
  items: ScormItemView[];
}) {
  const { t } = useTranslation();
  // Kept and new SCOs are in this package's tree, so their titles can be said too.
  const titles = new Map<string, string>();
  const collect = (list: ScormItemView[]) =>
    list.forEach((item) => {
      if (item.title) titles.set(item.identifier, item.title);
      collect(item.children);
    });
  collect(items);
  return (
    <section className="studio-section" aria-labelledby="scorm-replacement-heading">
      <h3 id="scorm-replacement-heading">{t('scorm.replacement.title')}</h3>
      <p>{t('scorm.replacement.intro')}</p>
      <dl className="scorm-replacement">
        {GROUPS.map((group) => (
          <div key={group} className="scorm-replacement__group">
            <dt>{t(`scorm.replacement.${group}`, { number: replacement[group].length })}</dt>
            <dd>
              <p>{t(`scorm.replacement.${group}Explained`)}</p>
              {replacement[group].length > 0 ? (
                <ul>
                  {replacement[group].map((identifier) => (
                    <li key={identifier}>
                      {titles.has(identifier) ? `${titles.get(identifier)} ` : null}
                      <code>{identifier}</code>
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t('scorm.replacement.none')}</p>
              )}
            </dd>
          </div>
        ))}
      </dl>
      <p>{t('scorm.replacement.publish')}</p>
    </section>
  );
}
