import { useTranslation } from 'react-i18next';
import type { ScormItemView } from './scormTypes';

/**
 * The package's organization as learners' table of contents will show it: each item's title, what
 * it is (a SCO talks to the platform and records progress; an asset is a plain page; a container
 * groups items) and whether it is hidden.
 */
export function ScoTree({ items }: { items: ScormItemView[] }) {
  const { t } = useTranslation();
  return (
    <ul className="scorm-tree">
      {items.map((item) => {
        const kind = item.scormType === 'sco' ? 'sco' : item.scormType === 'asset' ? 'asset' : 'container';
        return (
          <li key={item.identifier}>
            <span className="scorm-tree__title">{item.title || item.identifier}</span>{' '}
            <span className={`scorm-tree__kind scorm-tree__kind--${kind}`}>{t(`scorm.tree.${kind}`)}</span>
            {item.isVisible ? null : <span className="studio-muted"> {t('scorm.tree.hidden')}</span>}
            <br />
            <span className="studio-muted">
              {t('scorm.tree.identifier', { id: item.identifier })}
              {item.launchUrl ? (
                <>
                  {' · '}
                  {t('scorm.tree.launch')} <code>{item.launchUrl}</code>
                </>
              ) : null}
            </span>
            {item.children.length > 0 ? <ScoTree items={item.children} /> : null}
          </li>
        );
      })}
    </ul>
  );
}

/** How many SCOs and assets the tree holds, containers not counted. */
export function countLaunchable(items: ScormItemView[]): { scos: number; assets: number } {
  let scos = 0;
  let assets = 0;
  const walk = (list: ScormItemView[]) => {
    for (const item of list) {
      if (item.scormType === 'sco') scos += 1;
      else if (item.scormType === 'asset') assets += 1;
      walk(item.children);
    }
  };
  walk(items);
  return { scos, assets };
}
